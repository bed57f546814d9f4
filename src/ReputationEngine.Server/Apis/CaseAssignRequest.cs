namespace ReputationEngine.Server.Apis;

/// <summary>Body of POST /api/conversations/{id}/assign; a null assignee unassigns.</summary>
public sealed record CaseAssignRequest(string? Assignee);
