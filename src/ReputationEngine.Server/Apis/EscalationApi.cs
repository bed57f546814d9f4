using ReputationEngine.Server.Access;
using Microsoft.AspNetCore.Http.HttpResults;
using ReputationEngine.Abstractions.Validation;
using ReputationEngine.Server.Webhooks;

namespace ReputationEngine.Server.Apis;

/// <summary><c>/api/topics/{id}/escalation</c>: the topic's ordered escalation levels.</summary>
public static class EscalationApi
{
    public static IEndpointRouteBuilder MapEscalationApi(this IEndpointRouteBuilder app)
    {
        var escalation = app.MapGroup("/api/topics/{id}/escalation").RequireScope(Scopes.Admin).WithTags("Escalation");
        escalation.MapPut("/", PutAsync).WithName("PutEscalationPolicy");
        escalation.MapGet("/", async Task<Results<Ok<EscalationPolicy>, ProblemHttpResult>> (string id, WebhookStore store, CancellationToken ct) =>
            await store.GetPolicyAsync(id, ct) is { } policy ? TypedResults.Ok(policy)
                : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No escalation policy", detail: $"Topic '{id}' has no escalation policy."))
            .WithName("GetEscalationPolicy");
        escalation.MapDelete("/", async (string id, WebhookStore store, CancellationToken ct) =>
        {
            await store.SetPolicyAsync(id, null, ct);
            return TypedResults.NoContent();
        }).WithName("DeleteEscalationPolicy");
        return app;
    }

    private static async Task<Results<Ok<EscalationPolicy>, ProblemHttpResult>> PutAsync(
        string id, EscalationPolicy? policy, WebhookStore store, CancellationToken cancellationToken)
    {
        if (!TopicIds.IsValid(id))
        {
            return BadRequest("Invalid topic id", TopicIds.Rule);
        }

        if (policy?.Levels is not { Length: >= 1 and <= EscalationPolicy.MaxLevels } levels)
        {
            return BadRequest("Invalid levels", $"Send {{\"levels\":[{{\"delaySeconds\":n,\"webhooks\":[…]}}]}} with 1-{EscalationPolicy.MaxLevels} levels.");
        }

        var known = (await store.ListAsync(cancellationToken)).Select(h => h.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var (level, index) in levels.Select((l, i) => (l, i + 1)))
        {
            if (level is null || level.DelaySeconds is < 1 or > EscalationPolicy.MaxDelaySeconds)
            {
                return BadRequest("Invalid delay", $"Level {index}: 'delaySeconds' is 1-{EscalationPolicy.MaxDelaySeconds}.");
            }

            if (level.Webhooks is not { Length: >= 1 and <= EscalationPolicy.MaxWebhooksPerLevel } || !level.Webhooks.All(known.Contains))
            {
                return BadRequest("Invalid webhooks", $"Level {index}: 'webhooks' lists 1-{EscalationPolicy.MaxWebhooksPerLevel} registered webhook ids.");
            }
        }

        await store.SetPolicyAsync(id, policy, cancellationToken);
        return TypedResults.Ok(policy);
    }

    private static ProblemHttpResult BadRequest(string title, string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: title, detail: detail);
}
