namespace ReputationEngine.LoadTests.Engine;

/// <summary>What one POST /api/mentions answered (<see cref="Status"/> 0 when the request did not complete).</summary>
public readonly record struct IngestReply(int Status, int Accepted, int Duplicates, int Rejected);
