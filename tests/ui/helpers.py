# SPDX-License-Identifier: MIT
"""Using the window as a person does: keys go where the keyboard is (an open popup, else the focused widget), buttons
and menus are clicked with the mouse, dialogs are closed with their own buttons."""

from __future__ import annotations

import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QPoint, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QPalette
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QDialog, QMenu, QStyleFactory, QWidget
from pytestqt.qtbot import QtBot

from journal.ui.theme import apply_theme

SHOTS = Path(__file__).resolve().parents[2] / "screenshots"
KEYSTROKES = [0]  # every key typed through these helpers, for tests that count the lifter's effort
SHOT_SIZES = ((1024, 700), (1600, 1000))
LEFT = Qt.MouseButton.LeftButton
Key = Qt.Key


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def key_target() -> QWidget:
    """Where a key pressed now goes: an open popup (a completer's list, a menu) takes the keyboard, else the focus."""
    popup = QApplication.activePopupWidget()
    return popup if popup is not None else focused()


def type_text(qtbot: QtBot, text: str) -> None:
    QApplication.processEvents()  # a focus change asked for just before takes effect
    for char in text:
        qtbot.keyClick(key_target(), char)
        KEYSTROKES[0] += 1
        QApplication.processEvents()  # an editor opened by the first key takes the focus; a popup opens


def press(qtbot: QtBot, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(key_target(), key, modifier)
    KEYSTROKES[0] += 1
    QApplication.processEvents()  # the delegate commits an edit on Enter through a queued call


def wait_active(qtbot: QtBot, window: QWidget, timeout: int = 5000) -> None:
    """Until window is the active window and the keyboard focus is inside it (the window manager has given it)."""
    window.raise_()
    window.activateWindow()

    def active() -> bool:
        widget = QApplication.focusWidget()
        return QApplication.activeWindow() is window and widget is not None and widget.window() is window

    qtbot.waitUntil(active, timeout=timeout)


def plain(text: str) -> str:
    """A label as read on screen: no mnemonic ampersand, no trailing ellipsis."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").removesuffix("…").removesuffix("...").strip()


def click(qtbot: QtBot, widget: QWidget, pos: QPoint | None = None) -> None:
    """A left click, in the middle of widget or at pos; processes what it set off."""
    assert widget.isVisible() and widget.isEnabled(), f"{widget!r} cannot be clicked"
    qtbot.mouseClick(widget, LEFT, pos=pos if pos is not None else widget.rect().center())
    QApplication.processEvents()


def button(window: QWidget, text: str) -> QAbstractButton:
    """The one visible button of window reading text (mnemonics and an ellipsis aside)."""
    found = [b for b in window.findChildren(QAbstractButton) if b.isVisible() and plain(b.text()) == plain(text)]
    shown = sorted(plain(b.text()) for b in window.findChildren(QAbstractButton) if b.isVisible())
    assert len(found) == 1, f"{len(found)} visible buttons read {text!r} in {window.windowTitle()!r}: {shown}"
    return found[0]


def modal_dialog() -> QWidget:
    dialog = QApplication.activeModalWidget()
    assert dialog is not None and dialog.isVisible(), "no modal dialog is open"
    return dialog


def click_button(qtbot: QtBot, text: str, dialog: QWidget | None = None) -> None:
    """Click the button reading text in dialog, by default the active modal dialog."""
    click(qtbot, button(dialog if dialog is not None else modal_dialog(), text))


@contextmanager
def answering(
    qtbot: QtBot, text: str, fill: Callable[[QWidget], None] | None = None, timeout: int = 10000
) -> Iterator[list[QWidget]]:
    """For a dialog the block opens with exec(), which returns only once it closes: when it is shown, fill(dialog)
    (through its own widgets) and click its button reading text. Yields the list the dialog is put in."""
    before = QApplication.activeModalWidget()
    seen: list[QWidget] = []
    errors: list[BaseException] = []
    timer = QTimer()
    timer.setInterval(20)

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None or dialog is before or not dialog.isVisible():
            return
        timer.stop()
        seen.append(dialog)
        try:
            wait_active(qtbot, dialog)
            if fill is not None:
                fill(dialog)
            click_button(qtbot, text, dialog)
        except BaseException as error:  # reported after the block; the dialog is closed so exec() returns
            errors.append(error)
            if dialog.isVisible():
                dialog.reject() if isinstance(dialog, QDialog) else dialog.close()

    timer.timeout.connect(answer)
    timer.start()
    try:
        yield seen
        if not errors:
            qtbot.waitUntil(lambda: bool(seen), timeout=timeout)
    finally:
        timer.stop()
    if errors:
        raise errors[0]


def _item(actions: list[QAction], text: str) -> QAction:
    found = [a for a in actions if not a.isSeparator() and a.isVisible() and plain(a.text()) == plain(text)]
    assert found, f"no item {text!r} in {[plain(a.text()) for a in actions if not a.isSeparator()]}"
    return found[0]


def pick_menu(qtbot: QtBot, window: QWidget, *path: str, keyboard: bool = False) -> None:
    """Choose window's menu bar item path[0] > ... > path[-1] as a person does: with the mouse (a click on the menu's
    title, then on each item), or with the keyboard (Alt and the menu's underlined letter, arrows down to each item,
    Enter). A dialog the item opens with exec() blocks here until it closes: see answering()."""
    assert len(path) >= 2, "a menu and an item"
    bar = window.menuBar()  # type: ignore[attr-defined]
    title = _item(bar.actions(), path[0])
    menu = title.menu()
    if keyboard:
        mnemonic = title.text()[title.text().index("&") + 1]
        press(qtbot, Key(ord(mnemonic.upper())), Qt.KeyboardModifier.AltModifier)
    else:
        click(qtbot, bar, bar.actionGeometry(title).center())
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is menu, timeout=3000)
    for step, text in enumerate(path[1:], start=2):
        item = _item(menu.actions(), text)
        assert item.isEnabled(), f"{' > '.join(path[:step])} is disabled"
        last = step == len(path)
        if keyboard:
            for _ in menu.actions():
                if menu.activeAction() is item:
                    break
                press(qtbot, Key.Key_Down)
            assert menu.activeAction() is item, f"the arrows do not reach {text!r}"
            if last:
                press(qtbot, Key.Key_Return)
            else:
                press(qtbot, Key.Key_Right)
        else:
            # The pointer travels to the item, as a hand moves it: a menu takes no click from a pointer that has
            # not moved since it opened (QMenu's hasMouseMoved), as when the last menu's item was at the same spot.
            target = menu.actionGeometry(item).center()
            for step in range(8):
                qtbot.mouseMove(menu, QPoint(target.x() * step // 8, target.y() * step // 8))
            qtbot.mouseMove(menu, target)
            click(qtbot, menu, target)
        if not last:
            sub = item.menu()
            assert isinstance(sub, QMenu)
            qtbot.waitUntil(lambda sub=sub: QApplication.activePopupWidget() is sub, timeout=3000)
            menu = sub


def shoot(widget: QWidget, name: str) -> Path:
    """Save a screenshot under screenshots/ (looked at by hand; not compared). On an X server a window is taken
    from the screen, as a person sees it (QWidget.grab renders each widget again, and has left item views blank)."""
    SHOTS.mkdir(exist_ok=True)
    path = SHOTS / f"{name}.png"
    QApplication.processEvents()
    QTest.qWait(50)  # the window manager and the compositor have shown the last paint
    screen = widget.screen()
    if widget.isWindow() and QApplication.platformName() == "xcb" and screen is not None:
        picture = screen.grabWindow(widget.winId())
    else:
        picture = widget.grab()
    assert picture.save(str(path))
    return path


def _resize(window: QWidget, size: QSize) -> None:
    window.resize(size)
    for _ in range(100):  # the window manager answers the resize
        QTest.qWait(10)
        if window.size() == size:
            return
    warnings.warn(
        f"{window.windowTitle()!r} is {window.width()}x{window.height()}, not {size.width()}x{size.height()}",
        stacklevel=3,
    )


def screenshots(window: QWidget, name: str) -> list[Path]:
    """Save window at 1024x700 and 1600x1000, in the light and the dark theme, as screenshots/NAME-THEME-WxH.png;
    the theme and size it had are put back."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    style, palette, size = app.style().name(), QPalette(app.palette()), window.size()
    paths = []
    try:
        for theme in ("light", "dark"):
            apply_theme(app, theme)
            for width, height in SHOT_SIZES:
                _resize(window, QSize(width, height))
                paths.append(shoot(window, f"{name}-{theme}-{width}x{height}"))
    finally:
        restored = QStyleFactory.create(style)
        if restored is not None:
            app.setStyle(restored)
        app.setPalette(palette)
        _resize(window, size)
    return paths
