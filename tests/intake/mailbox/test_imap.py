"""ImapMailbox against a real Dovecot (see tests/servers.py) plus its small pure helpers."""
from __future__ import annotations

import logging
import signal
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta, timezone
from email.message import EmailMessage
from email.policy import SMTP
from pathlib import Path
from types import SimpleNamespace
from typing import Any, Literal

import pytest
import trustme
from imapclient import IMAPClient

from intake.mailbox.base import MailboxUnavailable, MessageRef
from intake.mailbox.imap import (
    QUARANTINE_KEYWORD,
    ImapMailbox,
    MailboxCertificateError,
    MailboxLoginError,
    backoff_delay,
    from_settings,
    is_new_mail,
    oldest_first,
    tls_context,
)

CET = timezone(timedelta(hours=1))


def make_mail(subject: str = "Ansøgning om udeservering", body: str = "Hej, vi søger om tilladelse.") -> bytes:
    msg = EmailMessage()
    msg["From"] = "Café Nord <kontakt@cafenord.example>"
    msg["To"] = "erhverv@example.test"
    msg["Subject"] = subject
    msg["Message-ID"] = f"<{time.monotonic_ns()}@cafenord.example>"
    msg.set_content(body)
    return msg.as_bytes(policy=SMTP)  # CRLF, as stored by the server


def open_mailbox(server, security: Literal["ssl", "starttls", "none"] = "none", **options) -> ImapMailbox:
    port = server.imaps_port if security == "ssl" else server.imap_port
    options.setdefault("cafile", server.cafile)
    options.setdefault("timeout", 5.0)
    options.setdefault("backoff", 0.05)
    return ImapMailbox(server.host, port, server.user, server.password, security=security, **options)


@pytest.fixture
def mailbox(dovecot):
    box = open_mailbox(dovecot)
    yield box
    box.close()


def later(delay: float, action: Callable[..., Any], *args: Any) -> threading.Timer:
    """Run ``action(*args)`` in a daemon thread after ``delay`` seconds."""
    timer = threading.Timer(delay, action, args)
    timer.daemon = True
    timer.start()
    return timer


def deliver_later(server, raw: bytes, delay: float) -> threading.Thread:
    return later(delay, server.deliver, raw)


# -- fetching ---------------------------------------------------------------

def test_fetch_pending_leaves_messages_unseen(dovecot, mailbox):
    dovecot.deliver(make_mail())
    fetched = list(mailbox.fetch_pending())
    assert len(fetched) == 1
    assert "\\Seen" not in dovecot.fetch_all("INBOX")[0].flags


def test_fetch_pending_returns_the_raw_message(dovecot, mailbox):
    raw = make_mail(subject="Raw bytes")
    dovecot.append(raw)
    assert [m.raw for m in mailbox.fetch_pending()] == [raw]


def test_received_is_internaldate_in_utc(dovecot, mailbox):
    dovecot.append(make_mail(), internaldate=datetime(2026, 3, 2, 10, 15, 7, tzinfo=CET))
    (message,) = mailbox.fetch_pending()
    assert message.received == datetime(2026, 3, 2, 9, 15, 7, tzinfo=UTC)
    assert message.received.utcoffset() == timedelta(0)


def test_received_of_lmtp_delivery_is_arrival_time(dovecot, mailbox):
    before = datetime.now(UTC).replace(microsecond=0)
    dovecot.deliver(make_mail())
    (message,) = mailbox.fetch_pending()
    assert before <= message.received <= datetime.now(UTC) + timedelta(seconds=1)


def test_ref_carries_source_uidvalidity_and_uid(dovecot, mailbox):
    uid = dovecot.append(make_mail())
    (message,) = mailbox.fetch_pending()
    assert message.ref == MessageRef(mailbox.source_name, dovecot.uidvalidity("INBOX"), str(uid))


def test_fetch_pending_yields_oldest_first(dovecot, mailbox):
    start = datetime(2026, 5, 4, 8, 0, tzinfo=UTC)
    for hours, subject in ((3, "third"), (1, "first"), (2, "second")):
        dovecot.append(make_mail(subject=subject), internaldate=start + timedelta(hours=hours))
    subjects = [m.raw.split(b"Subject: ")[1].split(b"\n")[0].strip() for m in mailbox.fetch_pending()]
    assert subjects == [b"first", b"second", b"third"]


def test_fetch_pending_honours_limit(dovecot, mailbox):
    for n in range(5):
        dovecot.append(make_mail(subject=f"n{n}"))
    assert len(list(mailbox.fetch_pending(limit=2))) == 2


def test_the_listing_counts_every_waiting_message_not_only_those_fetched(dovecot, mailbox):
    for n in range(3):
        dovecot.append(make_mail(subject=f"Ansøgning {n}"))
    assert mailbox.waiting is None
    assert len(list(mailbox.fetch_pending(limit=1))) == 1 and mailbox.waiting == 3


def test_many_messages_are_fetched_in_batches(dovecot, monkeypatch):
    for n in range(45):
        dovecot.append(make_mail(subject=f"batch {n}"))
    body_fetch_sizes: list[int] = []
    real_fetch = IMAPClient.fetch

    def spy(client, messages, data, modifiers=None):
        if "BODY.PEEK[]" in data:
            body_fetch_sizes.append(len(messages))
        return real_fetch(client, messages, data, modifiers)

    monkeypatch.setattr(IMAPClient, "fetch", spy)
    with open_mailbox(dovecot, batch_size=20) as box:
        fetched = list(box.fetch_pending())
    assert len({m.ref.uid for m in fetched}) == 45
    assert body_fetch_sizes == [20, 20, 5]


def test_fetch_pending_skips_messages_flagged_deleted(dovecot, mailbox):
    dovecot.append(make_mail(subject="gone"), flags=("\\Deleted",))
    dovecot.append(make_mail(subject="here"))
    assert [b"Subject: here" in m.raw for m in mailbox.fetch_pending()] == [True]


# -- moving -------------------------------------------------------------------

def test_connecting_creates_processed_and_quarantine_folders(dovecot, mailbox):
    list(mailbox.fetch_pending())
    with dovecot.client() as client:
        assert client.folder_exists("Processed") and client.folder_exists("Quarantine")


def test_mark_processed_moves_message_to_processed(dovecot, mailbox):
    raw = make_mail(subject="Processed please")
    dovecot.append(raw)
    (message,) = mailbox.fetch_pending()
    mailbox.mark_processed(message.ref)
    assert dovecot.folder_uids("INBOX") == []
    assert [m.raw for m in dovecot.fetch_all("Processed")] == [raw]


def test_mark_processed_twice_is_harmless(dovecot, mailbox):
    dovecot.append(make_mail())
    (message,) = mailbox.fetch_pending()
    mailbox.mark_processed(message.ref)
    mailbox.mark_processed(message.ref)
    assert len(dovecot.folder_uids("Processed")) == 1


def test_many_are_moved_at_once_whatever_became_of_some(dovecot, mailbox):
    """One MOVE for the messages still waiting; one already moved, one copied before a crash (flagged
    deleted) and one of a stale UIDVALIDITY are each dealt with as ``mark_processed`` would."""
    raws = [make_mail(subject=f"many {i}") for i in range(5)]
    for raw in raws:
        dovecot.append(raw)
    messages = list(mailbox.fetch_pending())
    mailbox.mark_processed(messages[0].ref)                      # moved already
    with dovecot.client() as client:
        client.select_folder("INBOX")
        client.copy([int(messages[1].ref.uid)], "Processed")      # copied, then the process died
        client.add_flags([int(messages[1].ref.uid)], ["\\Deleted"])
    stale = MessageRef(messages[4].ref.source, messages[4].ref.uidvalidity + 1, messages[4].ref.uid)
    mailbox.mark_processed_many([m.ref for m in messages[:4]] + [stale])
    assert dovecot.folder_uids("INBOX") == [int(messages[4].ref.uid)], "the stale reference is not moved"
    assert sorted(m.raw for m in dovecot.fetch_all("Processed")) == sorted(raws[:4])


def test_quarantine_moves_message_with_keyword(dovecot, mailbox):
    dovecot.append(make_mail())
    (message,) = mailbox.fetch_pending()
    mailbox.quarantine(message.ref, "parse error")
    assert dovecot.folder_uids("INBOX") == []
    (quarantined,) = dovecot.fetch_all("Quarantine")
    assert QUARANTINE_KEYWORD in quarantined.flags


def test_a_replayed_copy_leaves_the_quarantine_folder_flagged_replayed(dovecot, mailbox):
    """A replayed message's copy stayed in Quarantine (with a new UID there), and the operator met it again."""
    from intake.mailbox.imap import REPLAYED_KEYWORD

    replayed, other = make_mail(subject="Ansøgning A"), make_mail(subject="Ansøgning B")
    dovecot.append(replayed)
    dovecot.append(other)
    first, second = mailbox.fetch_pending()
    mailbox.quarantine(first.ref, "parse error")
    mailbox.quarantine(second.ref, "parse error")
    assert mailbox.release_quarantined(first.ref, first.raw)
    (left,) = dovecot.fetch_all("Quarantine")
    assert left.raw == second.raw
    (moved,) = dovecot.fetch_all("Processed")
    assert moved.raw == first.raw and REPLAYED_KEYWORD in moved.flags and QUARANTINE_KEYWORD not in moved.flags
    assert not mailbox.release_quarantined(first.ref, first.raw), "gone already: nothing to move"
    dovecot.append(make_mail(subject="Ansøgning C"))
    (new,) = mailbox.fetch_pending()
    mailbox.mark_processed(new.ref)                                 # the inbox is selected again for its work
    assert dovecot.folder_uids("INBOX") == [] and len(dovecot.fetch_all("Processed")) == 2


def test_quarantine_twice_is_harmless(dovecot, mailbox):
    dovecot.append(make_mail())
    (message,) = mailbox.fetch_pending()
    mailbox.quarantine(message.ref, "first")
    mailbox.quarantine(message.ref, "second")
    assert len(dovecot.folder_uids("Quarantine")) == 1


def test_move_recreates_a_target_folder_deleted_while_running(dovecot, mailbox):
    dovecot.append(make_mail())
    (message,) = mailbox.fetch_pending()
    with dovecot.client() as client:
        client.delete_folder("Processed")
    mailbox.mark_processed(message.ref)
    assert len(dovecot.folder_uids("Processed")) == 1


def test_move_is_skipped_when_uidvalidity_changed(dovecot, mailbox):
    dovecot.append(make_mail())
    (message,) = mailbox.fetch_pending()
    stale = MessageRef(message.ref.source, message.ref.uidvalidity + 1, message.ref.uid)
    mailbox.mark_processed(stale)
    assert dovecot.folder_uids("INBOX") != [] and dovecot.folder_uids("Processed") == []


def test_move_ignores_refs_of_another_source(dovecot, mailbox):
    dovecot.append(make_mail())
    (message,) = mailbox.fetch_pending()
    mailbox.mark_processed(MessageRef("maildir:/elsewhere", message.ref.uidvalidity, message.ref.uid))
    assert len(dovecot.folder_uids("INBOX")) == 1


def test_copy_and_expunge_when_server_lacks_move(dovecot_noidle):
    raw = make_mail(subject="No MOVE here")
    dovecot_noidle.append(raw)
    with open_mailbox(dovecot_noidle) as box:
        (message,) = box.fetch_pending()
        box.mark_processed(message.ref)
    assert dovecot_noidle.folder_uids("INBOX") == []
    assert [m.raw for m in dovecot_noidle.fetch_all("Processed")] == [raw]


def test_copied_but_unexpunged_message_is_not_copied_again(dovecot_noidle):
    """A crash between COPY and EXPUNGE leaves a \\Deleted original; the retry only expunges it."""
    dovecot_noidle.append(make_mail())
    with open_mailbox(dovecot_noidle) as box:
        (message,) = box.fetch_pending()
        with dovecot_noidle.client() as client:
            client.select_folder("INBOX")
            client.copy([int(message.ref.uid)], "Processed")
            client.add_flags([int(message.ref.uid)], [b"\\Deleted"])
        box.mark_processed(message.ref)
    assert dovecot_noidle.folder_uids("INBOX") == []
    assert len(dovecot_noidle.folder_uids("Processed")) == 1


# -- waiting --------------------------------------------------------------------

def test_wait_for_new_is_true_before_the_first_fetch(mailbox):
    assert mailbox.wait_for_new(0.1) is True


def test_idle_wakes_within_a_second_of_lmtp_delivery(dovecot, mailbox):
    list(mailbox.fetch_pending())
    deliver_later(dovecot, make_mail(), delay=0.5)
    started = time.monotonic()
    assert mailbox.wait_for_new(10) is True
    # Woken by IDLE, long before the 10 s timeout (how fast is a figure for bench/, not a test).
    assert time.monotonic() - started < 5


def test_wait_for_new_times_out_without_mail(mailbox):
    list(mailbox.fetch_pending())
    started = time.monotonic()
    assert mailbox.wait_for_new(1.0) is False
    assert 0.9 <= time.monotonic() - started < 3


def test_mail_arriving_between_fetch_and_wait_is_not_missed(dovecot, mailbox):
    list(mailbox.fetch_pending())
    dovecot.deliver(make_mail())
    started = time.monotonic()
    assert mailbox.wait_for_new(10) is True
    assert time.monotonic() - started < 5


def test_our_own_moves_do_not_wake_the_idle_wait(dovecot, mailbox):
    dovecot.append(make_mail())
    (message,) = mailbox.fetch_pending()
    mailbox.mark_processed(message.ref)
    assert mailbox.wait_for_new(1.0) is False


def test_wait_for_new_after_partial_fetch_is_true_at_once(dovecot, mailbox):
    for n in range(3):
        dovecot.append(make_mail(subject=f"n{n}"))
    list(mailbox.fetch_pending(limit=1))
    assert mailbox.wait_for_new(5) is True


def test_messages_another_worker_reserved_count_as_seen(dovecot, mailbox):
    """A worker that took what was free, the rest being reserved by another worker, waits for new mail."""
    for n in range(3):
        dovecot.append(make_mail(subject=f"n{n}"))
    fetched = list(mailbox.fetch_pending(limit=5, take=lambda refs, want: list(refs[:1])))
    assert len(fetched) == 1
    assert mailbox.wait_for_new(1.0) is False
    dovecot.append(make_mail(subject="new"))
    assert mailbox.wait_for_new(10) is True


def test_close_from_another_thread_ends_the_wait(mailbox):
    list(mailbox.fetch_pending())
    later(0.3, mailbox.close)
    started = time.monotonic()
    assert mailbox.wait_for_new(10) is False
    assert time.monotonic() - started < 2


def test_a_signal_interrupting_the_wait_leaves_the_mailbox_usable(dovecot, mailbox):
    """The service raises its Shutdown from a signal handler while waiting; nothing may break."""
    class Interrupted(Exception):
        pass

    def interrupt(signum, frame):
        raise Interrupted()

    list(mailbox.fetch_pending())
    previous = signal.signal(signal.SIGALRM, interrupt)
    try:
        signal.setitimer(signal.ITIMER_REAL, 0.3)
        with pytest.raises(Interrupted):
            mailbox.wait_for_new(10)
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    dovecot.append(make_mail())
    assert mailbox.wait_for_new(5) is True
    assert len(list(mailbox.fetch_pending())) == 1


def test_polling_fallback_when_idle_not_advertised(dovecot_noidle):
    with open_mailbox(dovecot_noidle, poll_interval=0.2) as box:
        list(box.fetch_pending())
        assert box.wait_for_new(0.5) is False
        deliver_later(dovecot_noidle, make_mail(), delay=0.3)
        started = time.monotonic()
        assert box.wait_for_new(10) is True
    assert time.monotonic() - started < 5


def test_idle_wait_survives_a_dropped_connection(dovecot, mailbox):
    list(mailbox.fetch_pending())
    later(0.3, dovecot.kick)
    deliver_later(dovecot, make_mail(), delay=0.8)
    assert mailbox.wait_for_new(10) is True


# -- TLS ----------------------------------------------------------------------------

@pytest.mark.parametrize("security", ["ssl", "starttls"])
def test_tls_with_trusted_ca_fetches(dovecot, security):
    dovecot.append(make_mail())
    with open_mailbox(dovecot, security=security) as box:
        assert len(list(box.fetch_pending())) == 1


@pytest.mark.parametrize("security", ["ssl", "starttls"])
def test_tls_with_unknown_ca_is_refused(dovecot, security, tmp_path):
    other_ca = tmp_path / "other-ca.pem"
    trustme.CA().cert_pem.write_to_path(str(other_ca))
    with open_mailbox(dovecot, security=security, cafile=other_ca) as box:
        with pytest.raises(MailboxCertificateError):
            list(box.fetch_pending())


def test_tls_context_checks_certificate_and_hostname(tmp_path: Path):
    ctx = tls_context(None)
    assert ctx.check_hostname is True
    assert ctx.verify_mode.name == "CERT_REQUIRED"


def test_wrong_password_raises_login_error(dovecot):
    box = ImapMailbox(dovecot.host, dovecot.imap_port, dovecot.user, "wrong", security="none", timeout=5)
    with box, pytest.raises(MailboxLoginError):
        list(box.fetch_pending())


def test_password_never_reaches_the_log(dovecot, caplog):
    caplog.set_level(logging.DEBUG)
    dovecot.append(make_mail())
    with open_mailbox(dovecot, security="starttls") as box:
        (message,) = box.fetch_pending()
        box.mark_processed(message.ref)
    assert caplog.records and dovecot.password not in caplog.text


# -- reconnecting -----------------------------------------------------------------

def test_reconnects_after_the_server_drops_the_connection(dovecot, mailbox):
    dovecot.append(make_mail())
    (message,) = mailbox.fetch_pending()
    dovecot.kick()
    mailbox.mark_processed(message.ref)
    assert len(dovecot.folder_uids("Processed")) == 1


def test_reconnects_after_a_server_restart(dovecot, mailbox):
    list(mailbox.fetch_pending())
    dovecot.restart()
    dovecot.append(make_mail())
    assert len(list(mailbox.fetch_pending())) == 1


def test_gives_up_with_mailbox_unavailable_when_server_is_down(dovecot):
    box = open_mailbox(dovecot, retries=3, backoff=0.01)
    waits: list[float] = []
    box.sleep = waits.append
    dovecot.stop()
    with box, pytest.raises(MailboxUnavailable):
        list(box.fetch_pending())
    assert len(waits) == 3


def test_backoff_grows_exponentially_up_to_the_cap():
    delays = [backoff_delay(n, base=1.0, cap=8.0, rand=lambda: 1.0) for n in range(1, 7)]
    assert delays == [1.0, 2.0, 4.0, 8.0, 8.0, 8.0]


def test_backoff_jitter_stays_within_half_to_full_delay():
    assert backoff_delay(3, base=1.0, cap=60.0, rand=lambda: 0.0) == 2.0


# -- small helpers -----------------------------------------------------------------

@pytest.mark.parametrize(
    ("response", "expected"),
    [((3, b"EXISTS"), True), ((1, b"RECENT"), True), ((0, b"RECENT"), False),
     ((2, b"EXPUNGE"), False), ((b"OK", b"Still here"), False), ((5, b"FETCH", (b"FLAGS", ())), False)],
)
def test_is_new_mail_recognises_exists_and_recent(response, expected):
    assert is_new_mail(response) is expected


def test_oldest_first_orders_by_date_then_uid():
    t = datetime(2026, 1, 5, 12, 0, tzinfo=UTC)
    assert oldest_first({7: t, 3: t + timedelta(seconds=1), 5: t}) == [5, 7, 3]


def test_from_settings_builds_a_working_mailbox(dovecot):
    settings = SimpleNamespace(
        imap_host=dovecot.host, imap_port=dovecot.imaps_port, imap_user=dovecot.user,
        imap_password=dovecot.password, imap_security="ssl", imap_folder="INBOX",
        imap_processed_folder="Done", imap_quarantine_folder="Held", imap_cafile=str(dovecot.cafile),
        imap_timeout=5,
    )
    dovecot.append(make_mail())
    with from_settings(settings) as box:
        (message,) = box.fetch_pending()
        box.quarantine(message.ref, "test")
    assert len(dovecot.folder_uids("Held")) == 1


def test_close_while_the_wait_is_still_connecting_ends_it(mailbox, monkeypatch):
    """close() can come before the watch connection exists; the wait must not go on to IDLE."""
    list(mailbox.fetch_pending())
    connect = mailbox._connect

    def slow_connect():
        client = connect()
        time.sleep(0.5)  # close() happens meanwhile
        return client

    monkeypatch.setattr(mailbox, "_connect", slow_connect)
    later(0.1, mailbox.close)
    started = time.monotonic()
    assert mailbox.wait_for_new(10) is False
    assert time.monotonic() - started < 2


def test_a_message_moved_by_another_worker_during_the_fetch_is_skipped(monkeypatch):
    from datetime import datetime

    from intake.mailbox.imap import ImapMailbox

    box = ImapMailbox("127.0.0.1", 143, "u", "p", security="none")
    monkeypatch.setattr(box, "_select", lambda client: 7)

    class Client:
        def fetch(self, uids, what):
            when = datetime(2026, 12, 1, 9, 0)
            return {1: {b"BODY[]": b"Subject: hej\r\n\r\nhej\r\n", b"INTERNALDATE": when},
                    2: {b"BODY[]": None, b"INTERNALDATE": when}}  # expunged between SEARCH and FETCH

    fetched = box._fetch(Client(), [1, 2, 3], 7)
    assert fetched is not None and [f.ref.uid for f in fetched] == ["1"]
