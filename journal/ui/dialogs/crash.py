# SPDX-License-Identifier: MIT
"""What an uncaught error does in the window: logged with its traceback, then told in a dialog that can copy it."""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from types import TracebackType

from PySide6.QtCore import QMessageLogContext, Qt, QThread, QtMsgType, QUrl, qInstallMessageHandler, qVersion
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QLabel, QPushButton, QVBoxLayout, QWidget

from journal import APP_NAME
from journal.logs import log_folder, log_path, versions

log = logging.getLogger("journal.crash")
qt_log = logging.getLogger("journal.qt")

_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}
_shown: list[CrashDialog] = []


def report(kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> str:
    """The traceback and the versions: what "Copy report" puts on the clipboard."""
    lines = "".join(traceback.format_exception(kind, error, trace)).rstrip()
    return f"{lines}\n\n{versions()}\nQt {qVersion()}\nLog file: {log_path()}"


def open_log_folder() -> bool:
    folder = log_folder()
    folder.mkdir(parents=True, exist_ok=True)
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))


class CrashDialog(QDialog):
    """Says what went wrong and where the log is; Copy report, Open log folder, Close. The program runs on."""

    def __init__(self, summary: str, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"{APP_NAME}: something went wrong")
        self.report = text
        message = QLabel(
            f"<p><b>Something went wrong:</b> {_escape(summary)}</p>"
            f"<p>What you were doing may not have finished. The details are in the log file "
            f"<code>{_escape(str(log_path()))}</code>.</p>"
            "<p>Journal keeps running; the changes made before this are in the journal file. If "
            "something looks wrong, restart it.</p>"
        )
        message.setWordWrap(True)
        message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QDialogButtonBox()
        self.copy_button = QPushButton("&Copy report")
        self.copy_button.setToolTip("Put the error's details and the versions on the clipboard")
        self.folder_button = QPushButton("Open &log folder")
        self.close_button = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.folder_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self._copy)
        self.folder_button.clicked.connect(open_log_folder)
        self.close_button.clicked.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(message)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)
        self.close_button.setFocus()

    def _copy(self) -> None:
        QApplication.clipboard().setText(self.report)
        self.copy_button.setText("&Copied")


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def shown_dialog() -> CrashDialog | None:
    return _shown[-1] if _shown else None


def handle_exception(kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
    """sys.excepthook: log it; on the GUI thread, tell it (one dialog at a time; later errors go to the log)."""
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, error, trace)
        return
    log.critical("Uncaught %s", kind.__name__, exc_info=(kind, error, trace))
    app = QApplication.instance()
    if not isinstance(app, QApplication) or QThread.currentThread() is not app.thread() or _shown:
        return
    try:
        dialog = CrashDialog(f"{kind.__name__}: {error}", report(kind, error, trace), app.activeWindow())
        _shown.append(dialog)
        dialog.finished.connect(lambda _result: _shown.remove(dialog))
        dialog.open()
    except Exception:  # telling must never raise again from the hook
        log.exception("The error dialog could not be shown")


def handle_qt_message(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    """Qt's own messages: warnings and worse to the log (and stderr, as Qt would), the rest to the log only."""
    level = _QT_LEVELS.get(kind, logging.WARNING)
    where = f" ({context.file}:{context.line})" if context.file else ""
    qt_log.log(level, "%s%s", message, where)
    if level >= logging.WARNING:
        print(message, file=sys.stderr)


def handle_thread_exception(args: threading.ExceptHookArgs) -> None:
    """threading.excepthook: an error that ends a Python thread goes to the log (no dialog off the GUI thread)."""
    if args.exc_value is not None:
        log.critical(
            "Uncaught %s in thread %s",
            args.exc_type.__name__,
            getattr(args.thread, "name", "?"),
            exc_info=(args.exc_type, args.exc_value, args.exc_traceback),
        )


def install_crash_handlers() -> None:
    """Route uncaught exceptions and Qt's messages through the log; once, when the window starts."""
    sys.excepthook = handle_exception
    threading.excepthook = handle_thread_exception
    qInstallMessageHandler(handle_qt_message)
