import Dispatch
import Foundation

extension Array where Element: Sendable {
    /// `map` over all cores, results in input order. Work is split into contiguous chunks, one per
    /// active processor (at least 1), so the cost is one dispatch per chunk, not per element.
    func parallelMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        let n = count
        let workers = Swift.min(n, ProcessInfo.processInfo.activeProcessorCount)
        guard workers > 1 else { return map(transform) }
        return [T](unsafeUninitializedCapacity: n) { buffer, initialized in
            nonisolated(unsafe) let out = buffer
            self.withUnsafeBufferPointer { input in
                nonisolated(unsafe) let input = input
                DispatchQueue.concurrentPerform(iterations: workers) { w in
                    let lo = n * w / workers, hi = n * (w + 1) / workers
                    for i in lo..<hi { (out.baseAddress! + i).initialize(to: transform(input[i])) }
                }
            }
            initialized = n
        }
    }

    /// `map` over all cores, results in input order, one dispatch per element: for a few heavy
    /// jobs of uneven cost (buffers of long and short borders), which contiguous chunks would leave
    /// one core waiting on.
    func parallelMapEach<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        let n = count
        guard n > 1, ProcessInfo.processInfo.activeProcessorCount > 1 else { return map(transform) }
        return [T](unsafeUninitializedCapacity: n) { buffer, initialized in
            nonisolated(unsafe) let out = buffer
            self.withUnsafeBufferPointer { input in
                nonisolated(unsafe) let input = input
                DispatchQueue.concurrentPerform(iterations: n) { i in
                    (out.baseAddress! + i).initialize(to: transform(input[i]))
                }
            }
            initialized = n
        }
    }
}
