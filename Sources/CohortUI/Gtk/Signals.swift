import CGtk

// Signal handlers: each Swift closure is boxed, retained once, and handed to GLib with a
// destroy notify that releases it, so GLib owns its lifetime (a retained box freed by GLib, never by Swift).

final class VoidHandler {
  let call: @MainActor () -> Void
  init(_ call: @escaping @MainActor () -> Void) { self.call = call }
}
final class BoolHandler {
  let call: @MainActor () -> Bool
  init(_ call: @escaping @MainActor () -> Bool) { self.call = call }
}
final class KeyHandler {
  let call: @MainActor (UInt32, GdkModifierType) -> Bool
  init(_ call: @escaping @MainActor (UInt32, GdkModifierType) -> Bool) { self.call = call }
}
final class TextHandler {
  let call: @MainActor (String) -> Bool
  init(_ call: @escaping @MainActor (String) -> Bool) { self.call = call }
}
final class PointerHandler {
  let call: @MainActor (gpointer?) -> Void
  init(_ call: @escaping @MainActor (gpointer?) -> Void) { self.call = call }
}

private let releaseHandler: GClosureNotify = { data, _ in
  if let data { Unmanaged<AnyObject>.fromOpaque(data).release() }
}

@MainActor
private func connect(_ instance: gpointer, _ signal: String, _ callback: GCallback, _ box: AnyObject) {
  let data = Unmanaged.passRetained(box).toOpaque()
  g_signal_connect_data(instance, signal, callback, data, releaseHandler, GConnectFlags(rawValue: 0))
}

@MainActor
private func handler<T: AnyObject>(_ data: gpointer?, as type: T.Type) -> T {
  Unmanaged<T>.fromOpaque(data!).takeUnretainedValue()
}

public enum Signal {
  /// A signal whose handler takes only the instance: clicked, activate, destroy...
  @MainActor
  public static func on(_ instance: gpointer, _ signal: String, _ body: @escaping @MainActor () -> Void) {
    let trampoline: @MainActor @convention(c) (gpointer?, gpointer?) -> Void = { _, data in
      handler(data, as: VoidHandler.self).call()
    }
    connect(instance, signal, unsafeBitCast(trampoline, to: GCallback.self), VoidHandler(body))
  }

  /// A signal with one extra pointer argument: notify::x (GParamSpec), row-selected (row)...
  @MainActor
  public static func onPointer(_ instance: gpointer, _ signal: String, _ body: @escaping @MainActor (gpointer?) -> Void)
  {
    let trampoline: @MainActor @convention(c) (gpointer?, gpointer?, gpointer?) -> Void = { _, arg, data in
      handler(data, as: PointerHandler.self).call(arg)
    }
    connect(instance, signal, unsafeBitCast(trampoline, to: GCallback.self), PointerHandler(body))
  }

  /// A signal that returns a boolean: close-request (true stops the close).
  @MainActor
  public static func onBool(_ instance: gpointer, _ signal: String, _ body: @escaping @MainActor () -> Bool) {
    let trampoline: @MainActor @convention(c) (gpointer?, gpointer?) -> gboolean = { _, data in
      handler(data, as: BoolHandler.self).call() ? 1 : 0
    }
    connect(instance, signal, unsafeBitCast(trampoline, to: GCallback.self), BoolHandler(body))
  }

  /// GtkEventControllerKey's key-pressed: (keyval, modifiers) -> handled.
  @MainActor
  public static func onKeyPressed(
    _ controller: gpointer, _ body: @escaping @MainActor (UInt32, GdkModifierType) -> Bool
  ) {
    let trampoline: @MainActor @convention(c) (gpointer?, guint, guint, GdkModifierType, gpointer?) -> gboolean = {
      _, keyval, _, state, data in
      handler(data, as: KeyHandler.self).call(keyval, state) ? 1 : 0
    }
    connect(controller, "key-pressed", unsafeBitCast(trampoline, to: GCallback.self), KeyHandler(body))
  }

  /// GtkLabel's activate-link: the URI of the link; true when handled.
  @MainActor
  public static func onLink(_ label: gpointer, _ body: @escaping @MainActor (String) -> Bool) {
    let trampoline: @MainActor @convention(c) (gpointer?, UnsafePointer<CChar>?, gpointer?) -> gboolean = {
      _, uri, data in
      handler(data, as: TextHandler.self).call(uri.map { String(cString: $0) } ?? "") ? 1 : 0
    }
    connect(label, "activate-link", unsafeBitCast(trampoline, to: GCallback.self), TextHandler(body))
  }
}

final class IntHandler {
  let call: @MainActor (Int32) -> Void
  init(_ call: @escaping @MainActor (Int32) -> Void) { self.call = call }
}

extension Signal {
  /// A signal with one int argument: GtkNativeDialog's response.
  @MainActor
  public static func onInt(_ instance: gpointer, _ signal: String, _ body: @escaping @MainActor (Int32) -> Void) {
    let trampoline: @MainActor @convention(c) (gpointer?, gint, gpointer?) -> Void = { _, value, data in
      Unmanaged<IntHandler>.fromOpaque(data!).takeUnretainedValue().call(value)
    }
    let data = Unmanaged.passRetained(IntHandler(body)).toOpaque()
    g_signal_connect_data(
      instance, signal, unsafeBitCast(trampoline, to: GCallback.self), data,
      { data, _ in if let data { Unmanaged<AnyObject>.fromOpaque(data).release() } }, GConnectFlags(rawValue: 0))
  }
}

final class PointHandler {
  let call: @MainActor (Double, Double) -> Void
  init(_ call: @escaping @MainActor (Double, Double) -> Void) { self.call = call }
}

extension Signal {
  /// GtkGestureClick's pressed: (n_press, x, y).
  @MainActor
  public static func onPressed(_ gesture: gpointer, _ body: @escaping @MainActor (Double, Double) -> Void) {
    let trampoline: @MainActor @convention(c) (gpointer?, gint, gdouble, gdouble, gpointer?) -> Void = {
      _, _, x, y, data in
      Unmanaged<PointHandler>.fromOpaque(data!).takeUnretainedValue().call(x, y)
    }
    let data = Unmanaged.passRetained(PointHandler(body)).toOpaque()
    g_signal_connect_data(
      gesture, "pressed", unsafeBitCast(trampoline, to: GCallback.self), data,
      { data, _ in if let data { Unmanaged<AnyObject>.fromOpaque(data).release() } }, GConnectFlags(rawValue: 0))
  }
}
