"""The one exception hierarchy: every error says whose fault it is by the branch it is on."""
from __future__ import annotations

import pytest

import intake.cli  # noqa: F401  (imports every command, so every error class is defined)
from classifier.errors import ClassifierError, ModelRefused, NoActiveModel, TrainingDataError, UnknownVersion
from intake.attachments.errors import AttachmentError, Encrypted, TooLarge, Unreadable, WorkerError
from intake.cases.compliance import ReportError
from intake.cases.desk import CaseError, InvalidTransition, MissingText, UnknownChoice
from intake.cases.meetings import InvalidSlot, MeetingCancelled, MeetingError, NoOpenMeeting
from intake.errors import (
    CaseNotFound,
    ConfigError,
    DatabaseUnavailable,
    IntakeError,
    MessageFault,
    OurFault,
    RequestRefused,
    SendError,
    StopMessage,
)
from intake.letters.sender import PermanentSendError, RecipientDeferred, RelayRefused, TooBig
from intake.mailbox.base import MailboxError, MailboxUnavailable
from intake.mailbox.imap import ImapMailbox, MailboxCertificateError, MailboxConfigError, MailboxLoginError
from models.db import open_database
from routing.errors import CatalogueError, RoutingError, UnknownTaskError
from tests.servers import free_port  # nothing listens there

BRANCHES = (OurFault, MessageFault, RequestRefused)
# The package bases: each of their subclasses picks its own branch.
PACKAGE_BASES = {IntakeError, *BRANCHES, AttachmentError, RoutingError, ClassifierError}

ON_BRANCH = [
    (MailboxError, OurFault), (MailboxUnavailable, OurFault), (MailboxConfigError, OurFault),
    (MailboxLoginError, OurFault), (MailboxCertificateError, OurFault),
    (Unreadable, MessageFault), (Encrypted, MessageFault), (TooLarge, MessageFault), (WorkerError, OurFault),
    (CatalogueError, OurFault), (UnknownTaskError, RequestRefused),
    (ModelRefused, OurFault), (NoActiveModel, OurFault), (TrainingDataError, RequestRefused),
    (UnknownVersion, RequestRefused),
    (ConfigError, OurFault), (SendError, OurFault), (PermanentSendError, OurFault), (DatabaseUnavailable, OurFault),
    (TooBig, OurFault), (RelayRefused, OurFault), (RecipientDeferred, OurFault),
    (CaseNotFound, RequestRefused), (CaseError, RequestRefused), (InvalidTransition, RequestRefused),
    (MissingText, RequestRefused), (UnknownChoice, RequestRefused), (MeetingError, RequestRefused),
    (InvalidSlot, RequestRefused), (NoOpenMeeting, RequestRefused), (MeetingCancelled, RequestRefused),
    (ReportError, RequestRefused),
]


def subclasses(cls: type) -> set[type]:
    found = set()
    for sub in cls.__subclasses__():
        found |= {sub, *subclasses(sub)}
    return found


@pytest.mark.parametrize("error, branch", ON_BRANCH, ids=[e.__name__ for e, _ in ON_BRANCH])
def test_each_error_is_on_the_branch_of_whose_fault_it_is(error, branch):
    assert issubclass(error, branch)
    assert [b for b in BRANCHES if issubclass(error, b)] == [branch]


def test_every_error_of_the_project_is_on_exactly_one_branch():
    """A new error class cannot leave the hierarchy unsaid: the runner and the CLI depend on its branch."""
    ours = {c for c in subclasses(IntakeError) if c.__module__.split(".")[0] in ("intake", "classifier",
                                                                                   "routing", "models")}
    for cls in ours - PACKAGE_BASES:
        assert sum(issubclass(cls, b) for b in BRANCHES) == 1, cls
    assert ours - PACKAGE_BASES >= {e for e, _ in ON_BRANCH}


def test_each_error_class_says_when_it_is_raised():
    for cls in subclasses(IntakeError) | {IntakeError}:
        if cls.__module__.split(".")[0] in ("intake", "classifier", "routing", "models"):
            assert cls.__doc__ and cls.__doc__.strip(), cls


def test_stop_message_is_a_signal_not_an_error():
    assert not issubclass(StopMessage, IntakeError)


def test_an_unknown_task_is_still_a_key_error_with_a_plain_message():
    err = UnknownTaskError("unknown task type 'x'")
    assert isinstance(err, KeyError) and str(err) == "unknown task type 'x'"


def test_an_unreachable_database_is_our_fault_with_the_driver_error_as_its_cause():
    url = f"postgresql://intake:s3cret@127.0.0.1:{free_port()}/intake"
    with pytest.raises(DatabaseUnavailable) as raised:
        open_database(url)
    message = str(raised.value)
    assert message.startswith("cannot reach the database postgresql://intake@127.0.0.1:")
    assert "s3cret" not in message and "refused" in message and "\n" not in message
    assert raised.value.__cause__ is not None


def test_an_unreachable_imap_server_is_our_fault_with_the_socket_error_as_its_cause():
    box = ImapMailbox("127.0.0.1", free_port(), "u", "p", security="none", retries=1)
    box.sleep = lambda _seconds: None
    with pytest.raises(MailboxUnavailable) as raised:
        list(box.fetch_pending())
    assert str(raised.value).startswith(f"cannot connect to the IMAP server 127.0.0.1:{box.port}: ")
    assert isinstance(raised.value, OurFault) and isinstance(raised.value.__cause__, OSError)
