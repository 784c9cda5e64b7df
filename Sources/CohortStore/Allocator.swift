#if canImport(Glibc)
  import Glibc
#endif

/// How the process asks the C allocator for memory, set once at start by each program.
public enum Allocator {
  /// Reading a trust allocates hundreds of megabytes in small pieces on both cores. By default
  /// glibc grows each thread's heap a page at a time (an `mprotect` each) and gives every
  /// document's buffer over 128 KB pages of its own (`mmap`, zeroed by the kernel, unmapped
  /// after), so a third of a trust-wide read was the kernel handing out fresh pages. Growing a
  /// heap by 64 MB and keeping buffers under 32 MB in it lets the pages be reused: `cohort
  /// show analysis` on the large trust from 0.30 to 0.22 s. Peak memory is unchanged (pages
  /// reserved are not resident until used).
  public static func tuneForBulkReads() {
    #if canImport(Glibc)
      // malloc.h is not in Swift's Glibc module: mallopt is looked up, its options are glibc's
      // stable values (M_TRIM_THRESHOLD -1, M_TOP_PAD -2, M_MMAP_THRESHOLD -3).
      typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
      guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
      let mallopt = unsafeBitCast(symbol, to: Mallopt.self)
      _ = mallopt(-2, 64 << 20)
      _ = mallopt(-3, 32 << 20)
      _ = mallopt(-1, 256 << 20)
    #endif
  }
}
