using System.Buffers;
using Microsoft.AspNetCore.Http.HttpResults;
using ReputationEngine.Abstractions.Mentions;
using ReputationEngine.Server.Access;
using ReputationEngine.Server.Ingest;
using ReputationEngine.Server.MentionLog;
using ReputationEngine.Abstractions.Validation;

namespace ReputationEngine.Server.Apis;

public static class MentionsApi
{
    public static IEndpointRouteBuilder MapMentionsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/mentions", IngestAsync)
            .WithName("IngestMentions")
            .WithSummary("Ingest a JSON array or NDJSON of mentions; 202 once the accepted ones are durable.")
            .DisableAntiforgery()
            .WithMetadata(new BodySizeLimit(IngestLimits.MaxBodyBytes))
            .RequireScope(Scopes.Ingest);
        app.MapGet("/api/ingest/status", (MentionDispatcher dispatcher) => TypedResults.Ok(dispatcher.Status))
            .WithName("IngestStatus")
            .RequireScope(Scopes.Read);
        return app;
    }

    private static async Task<Results<Accepted<IngestResponse>, ProblemHttpResult>> IngestAsync(
        HttpRequest request, MentionLogWriter writer, TimeProvider time, CancellationToken cancellationToken)
    {
        var (body, length, readError) = await MentionBodyReader.ReadBodyAsync(request, cancellationToken);
        if (readError is not null)
        {
            return Problem(readError);
        }

        MentionBodyReader.Parsed parsed;
        try
        {
            var (result, parseError) = MentionBodyReader.Parse(body.AsMemory(0, length), MentionBodyReader.IsNdjson(request.ContentType), time.GetUtcNow());
            if (parseError is not null)
            {
                return Problem(parseError);
            }

            parsed = result!;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(body!);
        }

        // Repeats inside one request are duplicates too; only the first copy goes to the log.
        var seen = new HashSet<string>(parsed.Valid.Count, StringComparer.Ordinal);
        var unique = new List<Mention>(parsed.Valid.Count);
        foreach (var (_, mention) in parsed.Valid)
        {
            if (seen.Add(mention.Id))
            {
                unique.Add(mention);
            }
        }

        AppendOutcome[] outcomes;
        try
        {
            outcomes = await writer.AppendAsync(unique, cancellationToken);
        }
        catch (MentionLogUnavailableException ex)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Mention log unavailable",
                detail: $"{ex.Message} Nothing from this request was accepted; retry later.");
        }

        var accepted = outcomes.Count(o => !o.IsDuplicate);
        var duplicates = parsed.Valid.Count - accepted;
        var rejected = parsed.Rejected.OrderBy(r => r.Index).ToList();
        return TypedResults.Accepted((string?)null, new IngestResponse(accepted, duplicates, rejected));
    }

    private static ProblemHttpResult Problem(MentionBodyReader.BodyError error) =>
        TypedResults.Problem(statusCode: error.Status, title: error.Title, detail: error.Detail);
}
