import Foundation
import Glibc

extension FileHandle {
    /// Everything up to end of file, read with `read(2)`, retried when a signal interrupts it
    /// and waited for when the descriptor is non-blocking. Foundation's `readDataToEndOfFile()` traps on EINTR, which a child process's exit
    /// (SIGCHLD) can cause while its pipe is being read: the recorder and the tools Rehearse
    /// runs (sox, dpkg-query, sphinx_lm_convert) are read through this instead.
    public func readAllRetryingInterrupts() -> Data {
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let n = buffer.withUnsafeMutableBytes { Glibc.read(fileDescriptor, $0.baseAddress, $0.count) }
            if n > 0 { data.append(contentsOf: buffer[0..<n]); continue }
            if n < 0 && errno == EINTR { continue }
            if n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) {
                // A non-blocking descriptor: wait until there is something to read.
                var ready = pollfd(fd: fileDescriptor, events: Int16(POLLIN), revents: 0)
                _ = poll(&ready, 1, -1)
                continue
            }
            return data
        }
    }
}
