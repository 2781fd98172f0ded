/// The plan's write side: ``decide(_:context:state:)-(PlanCommand,_,_)`` turns a command into events or a rule violation, and
/// ``evolve(_:_:)`` folds events into state. Both are pure functions: no I/O, no clock, no randomness.
public enum Plan {}
