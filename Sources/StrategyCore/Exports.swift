// `Language` and `Wording` come from the Primitives target, which EventStore shares; whoever imports StrategyCore
// uses them as StrategyCore's own.
@_exported public import Primitives

// A plan's observations are a `TreeDictionary` (swift-collections): persistent and structurally shared, so that the
// states at many points of a long log share the records they have in common. Whoever imports StrategyCore can name
// the type.
@_exported public import struct HashTreeCollections.TreeDictionary
