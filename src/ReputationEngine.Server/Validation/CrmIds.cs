using Microsoft.AspNetCore.Http.HttpResults;
using ReputationEngine.Abstractions.Validation;

namespace ReputationEngine.Server.Validation;

/// <summary>Customer and conversation ids are mention/author ids, held to the same rule as at ingest.</summary>
public static class CrmIds
{
    public static bool IsValid(string id) => TextRules.IsCleanId(id, IngestLimits.MaxIdLength);

    public static ProblemHttpResult Invalid() =>
        TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid id", detail: $"Invalid id: {TextRules.IdRule}.");
}
