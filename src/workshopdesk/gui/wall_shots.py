"""``workshopdesk shot --view wall|spotlight|rules [--theme ...]``: the wall as a PNG.

The same painting as the projector, straight from the file (no window): the timer as the
file holds it, and the join QR code when sharing has been set up, as the wall export does.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize
from PySide6.QtGui import QImage

from workshopdesk.app.timer import timer_of
from workshopdesk.core.errors import WorkshopError
from workshopdesk.paint.themes import DEFAULT_THEME, theme
from workshopdesk.paint.wall import render_wall
from workshopdesk.paint.wall_scene import Join, View, WallScene
from workshopdesk.store.workshop_file import Mode, WorkshopFile
from workshopdesk.text.ui import _

if TYPE_CHECKING:
    from workshopdesk.gui.shots import ShotRequest

WALL_VIEW_NAMES = tuple(view.value for view in View)


def wall_shot(request: ShotRequest, view: View) -> QImage:
    from workshopdesk.gui.app import make_application

    make_application()
    with WorkshopFile.open(request.path, Mode.READ) as file:
        workshop = file.load()
        settings = file.settings()
        timer = timer_of(settings)
    problem_id = None
    if request.problem is not None:
        problem = workshop.problem_by_number(request.problem)
        if problem is None:
            raise WorkshopError(
                _("There is no problem {number} in this workshop.").format(number=request.problem)
            )
        problem_id = problem.id
    scene = WallScene(
        workshop,
        theme(request.theme or DEFAULT_THEME),
        view,
        problem_id=problem_id,
        timer=timer,
        join=_join(settings),
    )
    return render_wall(scene, QSize(request.width, request.height))


def _join(settings: dict[str, str]) -> Join | None:
    from workshopdesk.core.share_link import WifiNetwork
    from workshopdesk.gui.wall_controller import join_code
    from workshopdesk.links import saved_link

    link = saved_link(settings)
    return None if link is None else join_code(link.url, WifiNetwork.from_settings(settings))


def _view(view: View) -> Callable[[ShotRequest], QImage]:
    return lambda request: wall_shot(request, view)


WALL_VIEWS: dict[str, Callable[[ShotRequest], QImage]] = {
    name: _view(View(name)) for name in WALL_VIEW_NAMES
}
