"""The phones' link and the room's Wi-Fi as the workshop keeps them in its settings."""

from __future__ import annotations

from workshopdesk.core.share_link import (
    DEFAULT_PORT,
    KEYS,
    ShareSettings,
    WifiNetwork,
    keeps_wifi_password,
    looks_like_token,
    new_token,
)

TOKEN = "A" * 26


def test_a_new_token_is_26_upper_case_base32_characters_and_never_repeats() -> None:
    tokens = {new_token() for _ in range(50)}
    assert len(tokens) == 50
    for token in tokens:
        assert len(token) == 26 and "=" not in token
        assert set(token) <= set("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
        assert looks_like_token(token)


def test_only_text_shaped_like_a_token_counts_as_one() -> None:
    assert looks_like_token("A" * 26) and looks_like_token("7" * 64)
    for bad in ("A" * 25, "A" * 65, "a" * 26, "A" * 25 + "1", "A" * 25 + "=", "", " " + TOKEN):
        assert not looks_like_token(bad), bad


def test_the_link_is_read_back_as_it_was_saved() -> None:
    link = ShareSettings(TOKEN, "192.168.1.20", 8123)
    saved = link.to_settings()
    assert saved == {"share.token": TOKEN, "share.host": "192.168.1.20", "share.port": "8123"}
    assert ShareSettings.from_settings({k: v for k, v in saved.items() if v}) == link
    bare = ShareSettings(TOKEN)
    assert bare.to_settings() == {"share.token": TOKEN, "share.host": None, "share.port": None}
    assert ShareSettings.from_settings({"share.token": TOKEN}) == bare
    assert DEFAULT_PORT == 8765


def test_no_link_without_a_good_token_and_no_port_outside_the_range() -> None:
    assert ShareSettings.from_settings({}) is None
    assert ShareSettings.from_settings({"share.token": "short", "share.port": "8123"}) is None
    for port, kept in (
        ("1", 1),
        ("65535", 65535),
        ("0", None),
        ("65536", None),
        ("-1", None),
        ("eighty", None),
        ("", None),
    ):
        read = ShareSettings.from_settings({"share.token": TOKEN, "share.port": port})
        assert read is not None and read.port == kept, port
    read = ShareSettings.from_settings({"share.token": TOKEN, "share.host": ""})
    assert read is not None and read.host is None


def test_the_wifi_is_kept_with_its_password_only_when_asked() -> None:
    network = WifiNetwork("Venue", "secret", "WPA")
    assert network.to_settings(keep_password=True) == {
        "share.wifi.name": "Venue",
        "share.wifi.security": "WPA",
        "share.wifi.password": "secret",
        "share.wifi.keep": "true",
    }
    assert network.to_settings(keep_password=False) == {
        "share.wifi.name": "Venue",
        "share.wifi.security": "WPA",
        "share.wifi.password": None,
        "share.wifi.keep": None,
    }
    kept = {k: v for k, v in network.to_settings(keep_password=True).items() if v}
    assert WifiNetwork.from_settings(kept) == network and keeps_wifi_password(kept)
    forgotten = {k: v for k, v in network.to_settings(keep_password=False).items() if v}
    assert WifiNetwork.from_settings(forgotten) == WifiNetwork("Venue", "", "WPA")
    assert not keeps_wifi_password(forgotten)
    assert not keeps_wifi_password({"share.wifi.keep": "yes"})
    assert WifiNetwork("", "x").to_settings(keep_password=False) == {
        "share.wifi.name": None,
        "share.wifi.security": None,
        "share.wifi.password": None,
        "share.wifi.keep": None,
    }
    no_password = WifiNetwork("Open", "", "WPA").to_settings(keep_password=True)
    assert no_password["share.wifi.password"] is None


def test_a_network_without_a_name_is_none_and_odd_security_reads_as_wpa() -> None:
    assert WifiNetwork.from_settings({}) is None
    assert WifiNetwork.from_settings({"share.wifi.name": ""}) is None
    assert WifiNetwork.from_settings({"share.wifi.name": "Cafe"}) == WifiNetwork("Cafe", "", "WPA")
    odd = {"share.wifi.name": "Cafe", "share.wifi.security": "WPA9"}
    assert WifiNetwork.from_settings(odd) == WifiNetwork("Cafe", "", "WPA")
    for security in ("WEP", "nopass"):
        read = WifiNetwork.from_settings({"share.wifi.name": "C", "share.wifi.security": security})
        assert read is not None and read.security == security


def test_a_network_is_open_without_a_password_or_when_it_says_so() -> None:
    assert WifiNetwork("Cafe").is_open
    assert WifiNetwork("Cafe", "pw", "nopass").is_open
    assert not WifiNetwork("Cafe", "pw", "WPA").is_open
    assert not WifiNetwork("Cafe", "pw", "WEP").is_open


def test_sharing_keeps_the_link_and_the_wifi_and_nothing_else() -> None:
    assert set(KEYS) == {
        "share.token",
        "share.host",
        "share.port",
        "share.wifi.name",
        "share.wifi.password",
        "share.wifi.security",
        "share.wifi.keep",
    }
