"""The join URL, problem URLs and QR matrix that every QR code comes from."""

from __future__ import annotations

import re

import zxingcpp

from workshopdesk.core.share_link import looks_like_token, new_token
from workshopdesk.links import QUIET_ZONE, join_url, problem_url, qr_matrix, qr_text
from workshopdesk.paint.qr import qr_image

ALPHANUMERIC = re.compile(r"[0-9A-Z $%*+\-./:]+")


def test_tokens_are_128_random_bits_in_upper_case_base32() -> None:
    tokens = {new_token() for _ in range(200)}
    assert len(tokens) == 200
    for token in tokens:
        assert re.fullmatch(r"[A-Z2-7]{26}", token)  # 26 × 5 bits ≥ 128
        assert looks_like_token(token)
    assert not looks_like_token("abcdefghijklmnopqrstuvwxyz")
    assert not looks_like_token("ABC")


def test_urls_fit_the_qr_codes_alphanumeric_mode() -> None:
    token = new_token()
    join = join_url("192.168.1.23", 8765, token)
    assert join == f"HTTP://192.168.1.23:8765/J/{token}"
    assert problem_url("192.168.1.23", 8765, token, 7) == f"{join}/P/7"
    assert ALPHANUMERIC.fullmatch(join)
    assert ALPHANUMERIC.fullmatch(problem_url("10.0.0.1", 80, token, 123))


def test_qr_matrix_has_a_quiet_zone_and_decodes_to_the_url() -> None:
    url = join_url("192.168.100.200", 65535, new_token())
    matrix = qr_matrix(url)
    size = len(matrix)
    assert all(len(row) == size for row in matrix)
    assert size == 29 + 2 * QUIET_ZONE  # version 3: small enough to scan from the back
    for i in range(QUIET_ZONE):
        assert not any(matrix[i]) and not any(matrix[-1 - i])
        assert not any(row[i] or row[-1 - i] for row in matrix)
    decoded = zxingcpp.read_barcode(qr_image(matrix, 4))
    assert decoded is not None
    assert decoded.text == url
    assert decoded.format == zxingcpp.BarcodeFormat.QRCode
    assert decoded.ec_level == "M"


def test_problem_url_qr_decodes_too() -> None:
    url = problem_url("192.168.1.23", 8765, new_token(), 10)
    decoded = zxingcpp.read_barcode(qr_image(qr_matrix(url), 3))
    assert decoded is not None and decoded.text == url


def test_qr_text_for_terminals_has_two_rows_per_line() -> None:
    matrix = qr_matrix("HTTP://127.0.0.1:8765/J/ABC")
    lines = qr_text(matrix).split("\n")
    assert len(lines) == (len(matrix) + 1) // 2
    assert all(len(line) == len(matrix) for line in lines)
