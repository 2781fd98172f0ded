// `Language` and `Wording` come from the Primitives target, which EventStore shares; whoever imports StrategyCore
// uses them as StrategyCore's own.
@_exported public import Primitives
