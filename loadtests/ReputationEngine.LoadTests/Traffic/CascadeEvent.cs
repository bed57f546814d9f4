namespace ReputationEngine.LoadTests.Traffic;

/// <summary>
/// One message of a cascade: when it happens as a fraction of the burst's length (0..1), which earlier
/// message it reacts to (-1 for a root), how, and who sends it.
/// </summary>
public readonly record struct CascadeEvent(double At, int Parent, string Kind, string AuthorId, long Followers);
