using Microsoft.AspNetCore.Http.HttpResults;
using ReputationEngine.Abstractions.Alerts;
using ReputationEngine.Abstractions.Topics;
using ReputationEngine.Grains.Alerts;
using ReputationEngine.Server.Access;
using ReputationEngine.Server.Alerts;
using ReputationEngine.Abstractions.Validation;

namespace ReputationEngine.Server.Apis;

public static class AlertsApi
{
    public const int DefaultLimit = 200;
    public const int MaxAssigneeLength = 200;

    public sealed record AssignRequest(string? Assignee);

    public static IEndpointRouteBuilder MapAlertsApi(this IEndpointRouteBuilder app)
    {
        // Triage (acknowledge, resolve, assign) is the dashboard's daily work, done with the read key it holds
        // (DESIGN §4.6); it changes no configuration, so it needs no admin key. See docs/security.md (API5).
        var alerts = app.MapGroup("/api/alerts").RequireScope(Scopes.Read).WithTags("Alerts");
        alerts.MapGet("/", ListAsync).WithName("ListAlerts");
        alerts.MapGet("/{id}", GetAsync).WithName("GetAlert");
        alerts.MapPost("/{id}/acknowledge", (string id, IGrainFactory grains, AlertStore store, CancellationToken ct) =>
            ActAsync(id, AlertAction.Acknowledge, null, grains, store, ct)).WithName("AcknowledgeAlert");
        alerts.MapPost("/{id}/resolve", (string id, IGrainFactory grains, AlertStore store, CancellationToken ct) =>
            ActAsync(id, AlertAction.Resolve, null, grains, store, ct)).WithName("ResolveAlert");
        alerts.MapPost("/{id}/assign", async (string id, AssignRequest? request, IGrainFactory grains, AlertStore store, CancellationToken ct) =>
        {
            if (request?.Assignee is not { Length: > 0 and <= MaxAssigneeLength } assignee || assignee.Any(char.IsControl) || !TextRules.IsWellFormed(assignee))
            {
                return (Results<Ok<AlertDocument>, ProblemHttpResult>)TypedResults.Problem(statusCode: 400, title: "Invalid assignee",
                    detail: $"Send {{\"assignee\": \"…\"}} with 1-{MaxAssigneeLength} characters.");
            }

            return await ActAsync(id, AlertAction.Assign, assignee, grains, store, ct);
        }).WithName("AssignAlert");
        return app;
    }

    private static async Task<Results<Ok<AlertDocument[]>, ProblemHttpResult>> ListAsync(
        string? state, string? topic, int? limit, AlertStore store, CancellationToken cancellationToken)
    {
        AlertState? filter = null;
        if (state is not null)
        {
            if (!QueryNames.TryParse<AlertState>(state, out var parsed))
            {
                return TypedResults.Problem(statusCode: 400, title: "Invalid state", detail: "'state' is one of open|acknowledged|resolved.");
            }

            filter = parsed;
        }

        if (limit is < 1 or > AlertStore.MaxQueryLimit)
        {
            return TypedResults.Problem(statusCode: 400, title: "Invalid limit", detail: $"'limit' is 1-{AlertStore.MaxQueryLimit}.");
        }

        var alerts = await store.QueryAsync(filter, topic, limit ?? DefaultLimit, cancellationToken);
        return TypedResults.Ok(alerts.Select(AlertJson.ToDocument).ToArray());
    }

    private static async Task<Results<Ok<AlertDocument>, ProblemHttpResult>> GetAsync(string id, AlertStore store, CancellationToken cancellationToken)
    {
        var alert = await store.GetAsync(id, cancellationToken);
        return alert is null ? NotFound(id) : TypedResults.Ok(AlertJson.ToDocument(alert));
    }

    private static async Task<Results<Ok<AlertDocument>, ProblemHttpResult>> ActAsync(
        string id, AlertAction action, string? assignee, IGrainFactory grains, AlertStore store, CancellationToken cancellationToken)
    {
        if (!AlertIds.TryGetTopic(id, out var topicId))
        {
            return NotFound(id);
        }

        var changed = await grains.GetGrain<IBrandTopicGrain>(topicId).ActOnAlertAsync(id, action, assignee);
        if (changed is not null)
        {
            return TypedResults.Ok(AlertJson.ToDocument(changed));
        }

        var recorded = await store.GetAsync(id, cancellationToken);
        return recorded is null
            ? NotFound(id)
            : TypedResults.Problem(statusCode: 409, title: "Alert already resolved", detail: $"Alert '{id}' was resolved at {recorded.ResolvedAt:O}.");
    }

    private static ProblemHttpResult NotFound(string id) =>
        TypedResults.Problem(statusCode: 404, title: "Alert not found", detail: $"No alert '{id}'.");
}
