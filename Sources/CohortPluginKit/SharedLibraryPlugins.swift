import CohortStore
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Holds a compiled plugin across the C entry point of a shared library.
public final class CompiledPluginBox {
  public let plugin: CompiledPlugin
  public init(_ plugin: CompiledPlugin) { self.plugin = plugin }
}

/// Loads compiled plugins: shared libraries in the user's plugin folder, built against the
/// CohortPluginKit library with the same toolchain, each exporting one C function,
///
///     @_cdecl("cohort_plugin_entry")
///     public func cohortPluginEntry() -> UnsafeMutableRawPointer {
///       Unmanaged.passRetained(CompiledPluginBox(MyPlugin())).toOpaque()
///     }
///
/// The host programs export their symbols (--export-dynamic), so a plugin shares the host's
/// types rather than bringing its own copies.
enum SharedLibraryPlugins {
  static let entrySymbol = "cohort_plugin_entry"
  /// Support libraries a plugin ships beside itself; they have no entry point.
  static let supportLibraries: Set<String> = ["libCohortPluginKit.so", "libCohortCore.so", "libCohortStore.so"]

  typealias Entry = @convention(c) () -> UnsafeMutableRawPointer?

  static func load(folder: String) -> (plugins: [(String, CompiledPlugin)], problems: [PluginProblem]) {
    var plugins: [(String, CompiledPlugin)] = []
    var problems: [PluginProblem] = []
    for name in Folders.names(in: folder) where name.hasSuffix(".so") && !supportLibraries.contains(name) {
      let path = folder + "/" + name
      guard let handle = dlopen(path, RTLD_NOW | RTLD_LOCAL) else {
        problems.append(PluginProblem(path: path, reason: "could not load: \(String(cString: dlerror()))"))
        continue
      }
      guard let symbol = dlsym(handle, entrySymbol) else {
        problems.append(PluginProblem(path: path, reason: "not a Cohort plugin: it has no \(entrySymbol) function"))
        dlclose(handle)
        continue
      }
      guard let raw = unsafeBitCast(symbol, to: Entry.self)() else {
        problems.append(PluginProblem(path: path, reason: "\(entrySymbol) returned nothing"))
        continue
      }
      let box = Unmanaged<CompiledPluginBox>.fromOpaque(raw).takeRetainedValue()
      plugins.append((path, box.plugin))
    }
    return (plugins, problems)
  }
}
