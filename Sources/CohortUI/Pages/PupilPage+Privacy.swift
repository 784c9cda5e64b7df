import CohortCharts
import CohortCore
import CohortPluginKit
import CohortStore
import Foundation

/// A subject access request and an erasure, from the pupil's own page. Erasing is for the
/// trust's leaders, after a confirmation that names the pupil.
extension PupilPage {
  func privacyControls(_ pupil: Pupil) -> Widget {
    let row = UI.box(false, spacing: 8)
    UI.append(
      row,
      UI.button("Export everything held…", name: "Export everything held about \(pupil.fullName)") { [weak self] in
        self?.export(pupil)
      })
    if isLeader {
      UI.append(
        row,
        UI.button("Erase this pupil…", name: "Erase \(pupil.fullName)'s data") { [weak self] in
          self?.confirmErase(pupil)
        })
    }
    return row
  }

  /// The person at this laptop is one of the trust's leaders.
  var isLeader: Bool {
    let context = hostContext
    return context.trust.staff.first { $0.name == context.folder.author.by }?.role == .leader
  }

  private func export(_ pupil: Pupil) {
    let suggested = "\(pupil.fullName.replacingOccurrences(of: " ", with: "-")).pdf"
    FileChooser.saveFile(parent: widget, title: "Export everything held", suggested: suggested) { [weak self] path in
      guard let self else { return }
      do {
        let data = try PupilDataExport.gather(self.hostContext.folder, pupil: pupil.id)
        if path.lowercased().hasSuffix(".json") {
          let encoder = JSONEncoder()
          encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
          try OutputFile.write(try encoder.encode(data), to: path)
        } else {
          let context = self.hostContext
          let today = SchoolDate.today()
          let request = ReportRequest(
            folder: context.folder, trust: context.trust, registry: context.registry, scheme: context.scheme,
            scope: .pupils([pupil.id]), when: HalfTermRef(AcademicYear(containing: today), .containing(today)))
          let document = try context.registry.report(PluginRegistry.pupilDataReport).make(request)
          try OutputFile.write(try ReportRenderer(document, made: today.ukDescription).pdf(), to: path)
        }
        self.say("Saved everything held about \(pupil.fullName) to \((path as NSString).lastPathComponent)")
      } catch {
        self.say("Could not export: \(error)")
      }
    }
  }

  private func confirmErase(_ pupil: Pupil) {
    let w = UI.window(title: "Erase \(pupil.fullName)?", parent: widget, width: 520, height: 220, modal: true)
    let box = UI.box(true, spacing: 12, classes: ["dialog-content"])
    UI.margins(box, 18)
    let text = UI.label(
      "This erases \(pupil.fullName)'s details, codes, scores, meeting notes and history from every document and copy on this laptop, and from the others once they sync. It cannot be undone."
    )
    UI.wrap(text)
    let buttons = UI.box(false, spacing: 8)
    UI.append(
      buttons, UI.button("Cancel") { UI.close(w) },
      // Erase first: closing the window frees this button and the closure it runs.
      UI.button("Erase \(pupil.fullName)") { [weak self] in
        self?.erase(pupil)
        UI.close(w)
      })
    UI.append(box, text, buttons)
    UI.setChild(w, box)
    UI.present(w)
  }

  private func erase(_ pupil: Pupil) {
    do {
      let outcome = try PupilErasure(folder: hostContext.folder).erase(pupil.id, reason: "erased in the app")
      try hostContext.reload()
      say(
        outcome.leftovers.isEmpty
          ? "Erased \(pupil.fullName)'s data"
          : "Erased, but still named in \(outcome.leftovers.joined(separator: ", "))")
      refresh()
    } catch {
      say("Could not erase: \(error)")
    }
  }
}
