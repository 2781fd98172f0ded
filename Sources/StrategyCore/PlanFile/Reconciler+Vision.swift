// Reconciler: the commands for the vision — its sections, their order, the principles and the motto.

extension Reconciler {
    /// The vision: sections the file no longer lists removed, the others written or revised; their order,
    /// the principles and the motto as the file states them.
    static func visionCommands(_ d: PlanDocument, _ state: PlanState, into commands: inout [PlanCommand]) {
        let wantedSections = Set(d.vision.sections.map(\.id))
        for section in state.vision.sections where !wantedSections.contains(section.id) {
            commands.append(.removeVisionSection(section.id))
        }
        for section in d.vision.sections {
            if state.vision.section(section.id) == nil {
                commands.append(.writeVisionSection(VisionSectionWritten(section: section.id, title: section.title, text: section.text)))
            } else {
                commands.append(.reviseVisionSection(VisionSectionRevised(section: section.id, title: section.title, text: section.text)))
            }
        }
        commands.append(.reorderVisionSections(d.vision.sections.map(\.id)))
        commands.append(.setPrinciples(d.vision.principles))
        commands.append(.setMotto(d.vision.motto))
    }
}
