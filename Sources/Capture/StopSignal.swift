import Foundation
import Synchronization

/// SIGINT, SIGTERM and SIGHUP (the terminal closed) during a take: the handler only records
/// the signal; the capture loop sees it between blocks, finishes the WAV and stops. SA_RESTART
/// keeps a blocked read going (the next block arrives within one period), so no half-read
/// block is lost.
public enum StopSignal {
    private static let received = Atomic<Int32>(0)

    public static func install() {
        // A parent may hand us these blocked (a test runner's thread mask survives exec):
        // unblock them, or Ctrl-C and SIGTERM would never reach the handler.
        var unblock = sigset_t()
        sigemptyset(&unblock)
        sigaddset(&unblock, SIGINT)
        sigaddset(&unblock, SIGTERM)
        sigaddset(&unblock, SIGHUP)
        pthread_sigmask(SIG_UNBLOCK, &unblock, nil)
        for signo in [SIGINT, SIGTERM, SIGHUP] {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { signo in StopSignal.received.store(signo, ordering: .relaxed) }
            action.sa_flags = SA_RESTART
            sigemptyset(&action.sa_mask)
            sigaction(signo, &action, nil)
        }
    }

    /// The signal received since the last `reset`, if any.
    public static var pending: Int32? {
        let signo = received.load(ordering: .relaxed)
        return signo == 0 ? nil : signo
    }

    public static func reset() { received.store(0, ordering: .relaxed) }
}
