"""PlannerApp: five views as Textual modes, one key each; help, palette and first-run notice."""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
from collections.abc import Callable, Iterable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from rich.console import RenderableType
from rich.text import Text
from textual import events, work
from textual.app import SystemCommand
from textual.binding import Binding
from textual.content import Content
from textual.notifications import SeverityLevel
from textual.screen import Screen, ScreenResultCallbackType
from textual.worker import NoActiveWorker, WorkerFailed, WorkerState, get_current_worker

from planner_tui import clock, crashlog, words
from planner_tui.config import Settings
from planner_tui.errors import DamagedFile, PlannerError
from planner_tui.terminal import plain, shorten_middle
from planner_tui.ui.backend import Backend
from planner_tui.ui.collector import IDLE, IdleCollector
from planner_tui.ui.commands import KeyCommands, SystemCommandsFound
from planner_tui.ui.modals.notice import FirstRunNotice, HelpScreen
from planner_tui.ui.screens.base import ViewScreen
from planner_tui.ui.textual_fixes import apply as fix_textual
from planner_tui.ui.threads import WorkThreads
from planner_tui.ui.typeahead import TypeAheadApp
from planner_tui.ui.undo import commands as undo_commands

if TYPE_CHECKING:
    from planner_tui.db.engine import Database
    from planner_tui.db.models import JournalEntryRead, StepRead

VIEWS = {
    "today": ("t", "Today", "Steps due, people to reach, today's check-in"),
    "map": ("m", "Map", "People, contexts and the gaps between them"),
    "plan": ("p", "Plan", "Small steps coming up and how earlier ones went"),
    "journal": ("j", "Journal", "Daily check-ins"),
    "review": ("r", "Review", "This month's patterns beside last month's"),
}


def view_class(mode: str) -> type[ViewScreen]:
    """The view of *mode*, its module imported when first needed: only Today's before the
    first frame (the others' took 15 ms of the start)."""
    match mode:
        case "today":
            from planner_tui.ui.screens.today import TodayScreen

            return TodayScreen
        case "map":
            from planner_tui.ui.screens.map import MapScreen

            return MapScreen
        case "plan":
            from planner_tui.ui.screens.plan import PlanScreen

            return PlanScreen
        case "journal":
            from planner_tui.ui.screens.journal import JournalScreen

            return JournalScreen
        case _:
            from planner_tui.ui.screens.review import ReviewScreen

            return ReviewScreen


def make_view(mode: str) -> ViewScreen:
    return view_class(mode)()


FIRST_RUN_KEY = "first_run_notice_seen"
THEME_KEY = "theme"
TOAST_MOST = 300
"""Characters a toast shows at most (about six lines of a toast's width); an error's, twice
as many."""
"""The setting that keeps the theme chosen in the palette."""


class PlannerApp(TypeAheadApp):
    CSS_PATH = Path(__file__).with_name("app.tcss")
    TITLE = "planner-tui"
    MODES = {mode: partial(make_view, mode) for mode in VIEWS}
    DEFAULT_MODE = "today"
    PREPARE_VIEWS = True
    """Make the views not yet visited while the person pauses (see :meth:`prepare_a_view`).
    Tests of other things turn it off: what they do must not depend on how long they take."""
    WRITING = frozenset({"save", "write"})
    OPENING = frozenset(
        {"open", "check-in", "corrections", "merge", "experiment", "intentions", *WRITING}
    )
    """Worker groups that end by opening or closing a screen, or by showing the view again
    (the data and first-run notice, today's check-in, a form to correct something, the
    question before a merge, the Review's experiment and Today's intentions, read before
    their forms — `xplay` took `p` for the Plan, nu284 —, a form's save, a key's write):
    keys typed meanwhile are for
    what is on top after it (see :mod:`planner_tui.ui.typeahead`). (Without the save,
    `n Alpha ctrl+s n Beta ctrl+s` at once typed the second `n` and name into the first
    form, still saving; without the write, `u` just after a delete found nothing to undo.)"""
    COMMANDS = {KeyCommands, SystemCommandsFound}
    BINDINGS = [
        *(
            Binding(key, f"switch_mode('{mode}')", title, tooltip=tip, id=f"view.{mode}")
            for mode, (key, title, tip) in VIEWS.items()
        ),
        Binding(
            "question_mark",
            "help",
            "Help",
            key_display="?",
            id="help",
            tooltip="Every key, and support if things feel heavy: lonely, sad, low or in crisis",
        ),
        Binding("q", "quit", "Quit", id="quit", tooltip="Close planner-tui (everything is saved)"),
    ]

    def __init__(self, settings: Settings | None = None, *, database: Database | None = None):
        fix_textual()
        super().__init__()
        self.backend = Backend(settings or Settings(), database)
        self.startup_error: str | None = None
        self.collector = IdleCollector()
        self.threads = WorkThreads()
        """Where reads and writes run (see ui/threads.py): closing waits for them a while,
        not for ever."""
        self._welcomed = False
        """Whether the first-run notice was shown in this run."""
        self._saved_theme: object = None
        """The theme the setting holds (so restoring it isn't saved again)."""
        self._making_a_view = asyncio.Lock()
        """Held while a view is made out of sight (see :meth:`prepare_a_view`)."""
        self.css_brought_up_to = -1
        """Textual's count of CSS changes the CSS was last brought up to: a view made now is
        styled with it as it mounts (see KeepsStyles). None yet: -1, Textual's own start."""
        if self.settings.keymap:
            self.set_keymap(self.settings.keymap)
        self.restore_theme(self.backend.saved_setting(THEME_KEY))  # before the first frame

    def refresh_css(self, animate: bool = True) -> None:
        count = self._css_update_count
        super().refresh_css(animate)
        self.css_brought_up_to = count

    @property
    def settings(self) -> Settings:
        """The backend's settings: one copy, which unlocking adds the passphrase to."""
        return self.backend.settings

    def files_folder(self) -> str:
        """Where a file the app writes is offered (a saved review, the calendar file): your
        home folder, or the planner's own folder when --home names one (the demo's review
        went into your real home, nu182; the calendar file still did, nu204)."""
        given = self.settings.home
        return "~" if given is None else str(given.expanduser())

    def on_load(self) -> None:
        asyncio.get_running_loop().set_default_executor(self.threads)

    def on_mount(self) -> None:
        self.theme_changed_signal.subscribe(self, self.theme_chosen)
        self.set_interval(IDLE / 2, self.when_paused)
        # Before the first frame when the file can say (a few ms): shown later, over Today,
        # the notice took the first key typed for Today (new users lost an `m` that way).
        if self.backend.saved_setting(FIRST_RUN_KEY, default=False) is False:
            self.welcome()
        self.call_after_refresh(self.open_database)
        if zone := clock.zone_problem():
            self.notify(zone, title="Time zone", severity="warning", timeout=15)
        if not self.is_headless:
            self.close_on_hang_up()

    def close_on_hang_up(self) -> None:
        """The terminal closed (SIGHUP): each open form writes what its fields hold as its
        draft (words typed in the half second before a draft is written were lost). The
        system asking the app to end (SIGTERM) closes it as ctrl+q does."""
        loop = asyncio.get_running_loop()
        with contextlib.suppress(NotImplementedError, RuntimeError, ValueError, AttributeError):
            loop.add_signal_handler(signal.SIGTERM, self.exit)
            loop.add_signal_handler(signal.SIGHUP, self.hung_up)  # neither is on Windows

    def hung_up(self) -> None:
        """The terminal is gone: the drafts are written and the planner closed, then the
        program ends at once. Textual's own closing writes to the terminal, and with no
        terminal there it waited for ever."""
        from planner_tui.ui.forms.base import FormScreen

        for screen in self.screen_stack:
            if isinstance(screen, FormScreen):
                screen.keep_typed()
                screen.write_unsaved()
        self.backend.close()
        os._exit(0)

    async def when_paused(self) -> None:
        """Four times a second: after use, a full collection once the person pauses;
        otherwise the next view made, if the person is reading."""
        # Not while the key's answer is still on its way.
        if self.working() or not self.collector.tick():
            await self.prepare_a_view()

    def working(self) -> bool:
        """Whether a thread is still reading or writing, or the view on screen is still to
        show its data (a view being made has not begun reading yet)."""
        top = self.screen_stack[-1] if self.screen_stack else None  # none while closing
        if isinstance(top, ViewScreen) and not top.ready_for_keys:
            return True
        return any(
            worker.state in (WorkerState.PENDING, WorkerState.RUNNING) for worker in self.workers
        )

    def views_made(self) -> list[ViewScreen]:
        """The views made so far (visited, or made out of sight), each its mode's first."""
        made = (stack[0] for stack in self._screen_stacks.values() if stack)
        return [view for view in made if isinstance(view, ViewScreen)]

    async def prepare_a_view(self) -> None:
        """While the person reads a view and types nothing, the next view not yet visited
        is made and reads its data out of sight, one at a time: its first visit is then a
        switch to a view that has its data, like coming back to it. A key pressed meanwhile
        waits at most for one view's making, which the key for that view needed anyway."""
        if not (self.PREPARE_VIEWS and self.collector.paused()):
            return
        if self._exit or not self._running:
            return  # closing (Textual's own flags)
        if not self.screen_stack or not isinstance(self.screen, ViewScreen):
            return  # a form or a question open
        if self.backend.error is not None:
            return  # the data can't be read: the view on screen says why
        if not all(view.ready_for_keys for view in self.views_made()):
            return  # one at a time: the last one made is still reading
        for mode in VIEWS:
            if mode in self._screen_stacks:
                continue
            async with self._making_a_view:
                view = make_view(mode)
                # Textual makes a mode's screen when first switched to (App._init_mode);
                # this is that making, without the switch.
                _, mounted = self._get_screen(view)
                self._screen_stacks[mode] = [view]
                await mounted
            view.reload()
            return

    async def _shutdown(self) -> None:
        # Textual closes every screen here. A view half made out of sight is let finish
        # first: its widgets fail as they mount if their screen was closed meanwhile.
        async with self._making_a_view:
            self._running = False  # Textual's own first step: no view is begun after it
        await super()._shutdown()

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key | events.Paste | events.MouseDown):
            self.collector.used()
        await super().on_event(event)

    # ---------------------------------------------------------------- text and errors

    def notify(
        self,
        message: str | Content | Text,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = False,
    ) -> None:
        """A toast. A ``str`` is shown as it is, never read as markup (names, notes and
        file names reach here), and a very long one (a name of hundreds of characters) is
        cut in its middle to :data:`TOAST_MOST` characters, so it can't cover the screen; a
        caller who wants styling builds a Content or Text."""
        if isinstance(message, str):
            # An error's advice is read whole: cut in its middle, a file gone lost the
            # command that puts it back (nu188).
            most = TOAST_MOST * 2 if severity == "error" else TOAST_MOST
            message, markup = shorten_middle(plain(message), most), False
        else:
            if isinstance(message, Text):
                message = Content.from_rich_text(message)
            # The toast renders a Content given "as markup" unchanged (Content.from_markup).
            message, markup = cast(str, message), True
        title = plain(title)
        # The same again, or the same said with more (a draft's write, then the form's, both
        # refused: "… What you wrote is still here.", nu200): one toast, its time anew. Told
        # by their words: a toast built as Content beside one given as text raised (nu247).
        said = str(message)
        for shown in list(self._notifications):
            before = str(shown.message)
            if (shown.title, shown.severity) == (title, severity) and (
                before == said
                or (before and said.startswith(before))
                or (said and before.startswith(said))
            ):
                self._unnotify(shown, refresh=False)  # (Textual is pinned exactly)
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=markup)

    def withdraw(self, message: str) -> None:
        """Takes down a toast saying *message*: what it said is no longer so (the Review's
        "This is the current month" stayed over the month before, nu166)."""
        for shown in list(self._notifications):
            if shown.message == message:
                self._unnotify(shown)

    def format_title(self, title: str, sub_title: str) -> Content:
        # Textual shows titles without markup; control characters still need making visible.
        return super().format_title(plain(title), plain(sub_title))

    def _handle_exception(self, error: Exception) -> None:
        """Every unexpected error ends here (workers keep Textual's exit_on_error for it):
        it goes to crash.log, and the person hears about it kindly, never as a traceback.
        A worker's failure leaves the app running (a view says so, and ctrl+r retries);
        a failing message handler has stopped its widget, so the app closes."""
        failed = error.error if isinstance(error, WorkerFailed) else error
        log = crashlog.write(self.settings.resolved_home(), failed)
        if isinstance(error, WorkerFailed):
            try:
                worker = get_current_worker()  # Textual reports a failure in its worker
            except NoActiveWorker:
                worker = None
            if worker is not None and isinstance(worker.node, ViewScreen):
                if not worker.is_cancelled:  # a newer load is already on its way
                    worker.node.show_failure(log)
            else:
                self.notify(words.went_wrong(log), severity="error", timeout=15)
            return
        self.startup_error = words.app_went_wrong(log)
        super()._handle_exception(error)
        self._exit_renderables.clear()  # the traceback is in crash.log, not on the terminal

    @work(thread=True, exclusive=True, group="open", description="open data")
    def open_database(self, passphrase: str | None = None) -> None:
        from planner_tui.errors import NeedsPassphrase

        if passphrase is None:
            self.backend.open()
        else:
            self.backend.unlock(passphrase)
        if self.backend.closed:
            return  # quit while it opened
        error = self.backend.error
        if isinstance(error, NeedsPassphrase):
            problem = str(error) if passphrase is not None else ""
            self.call_from_thread(self.ask_passphrase, problem)
            return
        if error is not None:
            self.call_from_thread(self.fail, str(error))
            return
        if passphrase is not None:  # unlocked: the views that found it locked read again
            self.call_from_thread(self.reload_view)
        from planner_tui.services import drafts

        theme = self.backend.read(partial(drafts.get_setting, key=THEME_KEY))
        self.call_from_thread(self.restore_theme, theme)
        if not self.backend.read(partial(drafts.get_setting, key=FIRST_RUN_KEY, default=False)):
            self.call_from_thread(self.welcome)
        self.call_from_thread(self.take_daily_backup)

    @work(thread=True, group="backup", description="daily backup")
    def take_daily_backup(self) -> None:
        """Today's copy of the SQLite file (once a day; the oldest beyond the kept number go)."""
        from planner_tui import clock
        from planner_tui.db.backups import daily_backup

        keep = self.settings.daily_backups or 0
        try:
            daily_backup(self.backend.database, clock.today(), keep=keep)
        except DamagedFile as error:
            self.call_from_thread(self.say_damaged, f"Today's backup copy was not made. {error}")
        except PlannerError as error:
            said = words.sentence(f"Today's backup copy could not be made: {error}")
            self.call_from_thread(
                self.notify,
                f"{said} Your planner is as it was, and saves as usual; the copy is tried "
                "again at the next start.",
                severity="warning",
                timeout=15,
            )

    def ask_passphrase(self, problem: str) -> None:
        from planner_tui.ui.modals.passphrase import PassphrasePrompt

        def answered(passphrase: str | None) -> None:
            if passphrase is None:
                self.fail("The planner stays locked: it needs its passphrase to open.")
            else:
                self.open_database(passphrase)

        self.push_screen(PassphrasePrompt(problem), answered)

    def reload_view(self) -> None:
        if isinstance(self.screen, ViewScreen):
            self.screen.catch_up()

    def push_made(
        self, make: Callable[[], Screen[Any]], then: ScreenResultCallbackType[Any] | None = None
    ) -> None:
        """Push the screen *make* returns, made here (a worker calls this on the app's thread):
        a screen made where the app is known is styled once for the terminal's size
        (screens/base.KeepsStyles)."""
        self.push_screen(make(), then)

    def fail(self, message: str) -> None:
        self.startup_error = message
        self.exit(return_code=1)

    def say_damaged(self, said: str) -> None:
        """A toast about a damaged file, whole (not cut to :data:`TOAST_MOST`): which copy
        to put back is in its middle."""
        self.notify(Text(said), severity="error", timeout=60)

    def welcome(self) -> None:
        """The first-run notice, once (the file, read before it opens, may have said so)."""
        if not self._welcomed:
            self._welcomed = True
            self.push_screen(FirstRunNotice(), self.first_run_done)

    def first_run_done(self, _result: None) -> None:
        self.remember(FIRST_RUN_KEY, True, words.WELCOME_NOT_KEPT)

    @work(thread=True, group="write", description="remember a setting")
    def remember(self, key: str, value: object, unkept: str) -> None:
        """Keep a setting with the data (the welcome seen, the theme chosen). When the file
        can't take it (busy with another program, read-only), the person hears why and what
        that means (*unkept*); it is no crash."""
        from planner_tui.services import drafts

        try:
            self.backend.write(
                partial(drafts.set_setting, key=key, value=value), affects_views=False
            )
        except DamagedFile as error:
            self.call_from_thread(self.say_damaged, f"{error} {unkept}")
        except PlannerError as error:
            self.call_from_thread(self.notify, f"{error} {unkept}", severity="warning")

    # ---------------------------------------------------------------- the theme

    def restore_theme(self, name: object) -> None:
        """The theme last chosen (kept as a setting), then keep each new choice."""
        self._saved_theme = name
        if isinstance(name, str) and name in self.available_themes:
            self.theme = name

    def theme_chosen(self, _theme: object) -> None:
        if self.theme != self._saved_theme:
            self._saved_theme = self.theme
            self.remember(THEME_KEY, self.theme, words.THEME_NOT_KEPT)

    # ---------------------------------------------------------------- shared doings

    def plan_step(
        self,
        person_id: int | None = None,
        find: str = "",
        *,
        action: str = "",
        place: bool = False,
        then: Callable[[StepRead | None], None] | None = None,
    ) -> None:
        """The plan wizard, from anywhere: for someone, or starting with who. With *action*,
        the step's words are given (a birthday message, an idea to explore) and it asks
        when; with *place*, the step is toward somewhere new, with no one. *then* is
        given the step planned (None if none was)."""
        from planner_tui.ui.forms.plan import PlanWizard

        self.push_screen(PlanWizard(person_id, find, action=action, place=place), then)

    @work(thread=True, exclusive=True, group="check-in")
    def check_in(self, then: Callable[[JournalEntryRead | None], None] | None = None) -> None:
        """Today's check-in: the form for one started and kept as a draft (a new one first,
        then changes to one of today's), else for today's newest entry, else a new one (a
        check-in written meanwhile on the command line hid the words kept). *then* is given
        the entry saved (None if none was)."""
        from planner_tui import clock
        from planner_tui.daily import NEW_CHECKIN_DRAFT, day_after
        from planner_tui.services import journal
        from planner_tui.services.today import checkin_drafted
        from planner_tui.ui.forms.journal import JournalForm

        today = clock.check_in_day()  # past midnight, the day just gone
        try:
            drafted = self.backend.read(partial(checkin_drafted, today=today))
            if drafted == NEW_CHECKIN_DRAFT:
                entry = None
            elif drafted is not None:
                entry_id = int(drafted.removeprefix("journal:"))
                entry = self.backend.read(partial(journal.get_entry, entry_id=entry_id))
            else:
                newest = self.backend.read(
                    partial(journal.list_entries, start=today, end=day_after(today), limit=1)
                )
                entry = newest[0] if newest else None
        except PlannerError as error:
            self.call_from_thread(self.notify, str(error), severity="error")
            return
        self.call_from_thread(self.push_made, lambda: JournalForm(entry), then)

    @work(thread=True, group="write", description="write")
    def write_then_reload(
        self,
        done: str,
        call: Callable[..., Any],
        /,
        on_result: Callable[[Any], None] | None = None,
    ) -> None:
        """One service write from a key press (no form; *call* as :meth:`Backend.write`
        takes it): say what happened, then reload the view on show, as forms do."""
        try:
            result = self.backend.write(call)
        except PlannerError as error:
            self.call_from_thread(self.notify, str(error), severity="error")
            return
        if on_result is not None:
            self.call_from_thread(on_result, result)
        self.call_from_thread(self.notify, done)
        self.call_from_thread(self.reload_view)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "switch_mode" and parameters and parameters[0] == self.current_mode:
            # shown greyed out: you are already here (on a person's page, `m` is the Map's)
            return True if self.page_on_view() else None
        if action == "command_palette":
            from planner_tui.ui.modals.confirm import Choice

            # A question is answered first: ctrl+p opened the palette over "Discard what
            # you wrote?", and its commands acted behind the question.
            return not isinstance(self.screen, Choice)
        return True

    def form_open(self) -> bool:
        """Whether a form is open (under the palette, say): the palette offers no other view
        until it is closed (its "Go to Map" left a wizard open out of sight, and `s` back on
        Today typed into it). A form takes a view's letter keys itself."""
        from planner_tui.ui.forms.base import FormScreen

        return any(isinstance(screen, FormScreen) for screen in self.screen_stack)

    def goes_at_once(self, event: events.Key | events.Paste) -> bool:
        """A quit key with nothing typed before it, while the data opens or a view waits for
        it: it quits now. (A server that took the connection and never answered held it for
        typeahead's HOLD_LIMIT.) So does a key the view says goes at once (the Review's
        month keys). Not while a form or question opens: the key is for it."""
        if not isinstance(event, events.Key) or not isinstance(self.screen, ViewScreen):
            return False
        from textual.widgets import Input, TextArea  # loaded with the forms, not at start

        if isinstance(self.focused, Input | TextArea):  # q is a letter there
            return False
        if any(w.group in self.OPENING - {"open"} and not w.is_finished for w in self.workers):
            return False
        active = self.active_bindings.get(event.key)
        if active is None:
            return False
        return self.quits(event) or self.screen.goes_at_once(active.binding.action)

    def jumps_the_queue(self, event: events.Key | events.Paste) -> bool:
        """ctrl+q while a save or write is under way, from a form too: a write that never
        ends (a server that stopped answering) held the way out (nu244)."""
        return isinstance(event, events.Key) and event.key == "ctrl+q" and self.writing()

    def quits(self, event: events.Key) -> bool:
        """Whether *event* is a key that quits, here and now (q, ctrl+q, or as remapped)."""
        active = self.active_bindings.get(event.key)
        return active is not None and active.binding.action in ("quit", "app.quit")

    def action_help_quit(self) -> None:
        """ctrl+c (it copies in a text box): how to quit. Textual's own words are markup,
        which this app's toasts show as typed."""
        from planner_tui.ui.forms.base import FormScreen

        if isinstance(self.screen, FormScreen):  # q is a letter here; ctrl+q still quits
            message = Content.assemble(
                "Press ", ("escape", "bold"), " to close this form, or ", ("ctrl+q", "bold"),
                " to close planner-tui (what you typed is kept as a draft).",
            )  # fmt: skip
            self.notify(message, title="Leaving?")
            return
        quits = [
            active.binding.key_display or key
            for key, active in self.active_bindings.items()
            if active.binding.action in ("quit", "app.quit")
        ]
        if quits:  # the shortest: q where it quits (the footer's), else ctrl+q
            key = min(quits, key=len)
            message = Content.assemble(
                "Press ", (key, "bold"), " to close planner-tui (everything is saved)."
            )
            self.notify(message, title="Quitting?")

    def action_help(self) -> None:
        if isinstance(self.screen, HelpScreen):
            return
        keys = []
        seen: set[str] = set()
        inherited = [  # the view's own keys; Textual's (copy text…) would only confuse
            cls.__dict__.get("BINDINGS", [])
            for cls in type(self.screen).__mro__
            if cls.__module__.startswith("planner_tui")
        ]
        view = self.screen if isinstance(self.screen, ViewScreen) else None
        enter = view.ENTER if view else ("", "")
        more = view.MORE_KEYS if view else ()
        for bindings in [
            *inherited,
            [Binding("enter", "", enter[0], key_display="enter", tooltip=enter[1])],
            [Binding(k, "", what, key_display=k, tooltip=how) for k, what, how in more],
            self.BINDINGS,
        ]:
            # A key bound again by a class nearer the screen is said once, as that class has
            # it; a key one class binds twice (the Map's `n`, by tab) is said both ways.
            here = [b for b in bindings if isinstance(b, Binding) and b.description]
            for binding in (b for b in here if b.key not in seen):
                keys.append(
                    (
                        binding.key_display or self.get_key_display(binding),
                        binding.description,
                        binding.tooltip,
                    )
                )
            seen |= {b.key for b in here}
        keys.append(("ctrl+p", "Command palette", "Search every action by name"))
        self.push_screen(HelpScreen(keys))

    SYSTEM_COMMANDS_LEFT_OUT = frozenset({"Quit", "Keys", "Maximize", "Minimize"})
    """Textual's own commands not offered: quit is a key's (KeyCommands); its keys panel
    listed widget keys beside help's, and stayed open over every view (Escape didn't close
    it), as a maximized widget did."""

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """Textual's own commands (theme, screenshot) and undo; every key's action comes
        from :class:`~planner_tui.ui.commands.KeyCommands` (quit among them)."""
        yield from undo_commands(self)
        for command in super().get_system_commands(screen):
            if command.title not in self.SYSTEM_COMMANDS_LEFT_OUT:
                yield command

    def page_on_view(self) -> bool:
        """Whether a page (a person's) is open over the view itself."""
        return len(self.screen_stack) > 1 and isinstance(self.screen, ViewScreen)

    async def action_switch_mode(self, mode: str) -> None:
        """A view's key shows that view itself: `m` came back to the person's page last
        opened on the Map, where the Map's keys did other things (nu155: `g` merged)."""
        await self.switch_mode(mode)
        while self.page_on_view():
            await self.pop_screen()

    async def run_in_view(self, mode: str, action: str) -> None:
        """Another view's key, from the palette: go to that view, and run it there once the
        view shows its data."""
        await self.switch_mode(mode)
        view = self.screen_stack[0]  # the view itself, under anything opened on it
        if isinstance(view, ViewScreen):
            view.run_when_shown(action)

    async def action_quit(self) -> None:
        """q, ctrl+q: quit, each open form's words written as its draft first. When one
        can't be written (a full disk), ask: the app closed without a word, and the words
        were gone."""
        from planner_tui.ui.forms.base import FormScreen

        for screen in self.screen_stack:
            if isinstance(screen, FormScreen) and (error := await screen.keep_now()) is not None:
                from planner_tui.ui.modals.confirm import Choice

                def answered(answer: str | None) -> None:
                    if answer == "quit":
                        self.exit()

                question = Choice(
                    "Quit without what you wrote?",
                    f"{error} What you wrote in the open form can't be kept as a draft, "
                    "so quitting now loses it.",
                    [("stay", "Stay"), ("quit", "Quit anyway")],
                )
                question.over_work = self.writing()  # answered now, not after the save
                self.push_screen(question, answered)
                return
        self.exit()

    def exit(
        self, result: None = None, return_code: int = 0, message: RenderableType | None = None
    ) -> None:
        """Closing (ctrl+q, q): each open form first takes what its fields hold, which it
        writes as its draft when it unmounts."""
        from planner_tui.ui.forms.base import FormScreen

        for screen in self.screen_stack:
            if isinstance(screen, FormScreen):
                screen.keep_typed()
        super().exit(result, return_code, message)

    def on_unmount(self) -> None:
        self.backend.close()
