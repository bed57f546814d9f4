using Microsoft.AspNetCore.Http.HttpResults;
using ReputationEngine.Abstractions.Validation;

namespace ReputationEngine.Server.Validation;

/// <summary>Customer and conversation ids are mention/author ids: 1..MaxIdLength characters without control characters.</summary>
public static class CrmIds
{
    public static bool IsValid(string id) => id.Length is > 0 and <= IngestLimits.MaxIdLength && !id.Any(char.IsControl);

    public static ProblemHttpResult Invalid() =>
        TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid id", detail: $"Ids are 1-{IngestLimits.MaxIdLength} characters without control characters.");
}
