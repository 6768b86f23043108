import Dispatch
import Foundation

extension Array where Element: Sendable {
    /// `map` over all cores, results in input order. Work is split into contiguous chunks, one per
    /// active processor (at least 1), so the cost is one dispatch per chunk, not per element.
    func parallelMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        parallelMap(chunks: Swift.min(count, ProcessInfo.processInfo.activeProcessorCount), transform)
    }

    /// `map` over all cores, results in input order, one dispatch per element: for a few heavy
    /// jobs of uneven cost (buffers of long and short borders), which contiguous chunks would leave
    /// one core waiting on.
    func parallelMapEach<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        parallelMap(chunks: ProcessInfo.processInfo.activeProcessorCount > 1 ? count : 1, transform)
    }

    /// `map` with the elements split into `chunks` contiguous runs, dispatched concurrently.
    private func parallelMap<T: Sendable>(chunks: Int, _ transform: @Sendable (Element) -> T) -> [T] {
        let n = count
        guard chunks > 1 else { return map(transform) }
        return [T](unsafeUninitializedCapacity: n) { buffer, initialized in
            nonisolated(unsafe) let out = buffer
            self.withUnsafeBufferPointer { input in
                nonisolated(unsafe) let input = input
                DispatchQueue.concurrentPerform(iterations: chunks) { w in
                    let lo = n * w / chunks, hi = n * (w + 1) / chunks
                    for i in lo..<hi { (out.baseAddress! + i).initialize(to: transform(input[i])) }
                }
            }
            initialized = n
        }
    }
}
