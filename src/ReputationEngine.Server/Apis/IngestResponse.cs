namespace ReputationEngine.Server.Apis;

/// <summary>The 202 body of POST /api/mentions (DESIGN §4.2).</summary>
public sealed record IngestResponse(int Accepted, int Duplicates, IReadOnlyList<RejectedMention> Rejected);

public sealed record RejectedMention(int Index, string Error);
