using ReputationEngine.Server.Access;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using ReputationEngine.Abstractions.Conversations;
using ReputationEngine.Server.Validation;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace ReputationEngine.Server.Apis;

/// <summary>Conversations as cases (DESIGN §4.3a): drill-down, assign, resolve, notes.</summary>
public static class ConversationsApi
{
    public const int MaxAssigneeLength = 200;
    public const int MaxNoteLength = 4_000;

    public static IEndpointRouteBuilder MapConversationsApi(this IEndpointRouteBuilder app)
    {
        var conversations = app.MapGroup("/api/conversations").RequireScope(Scopes.Read).WithTags("Conversations");
        conversations.MapGet("/{id}", GetAsync).WithName("GetConversation");
        conversations.MapPost("/{id}/assign", AssignAsync).WithName("AssignConversation");
        conversations.MapPost("/{id}/resolve", ResolveAsync).WithName("ResolveConversation");
        conversations.MapPost("/{id}/notes", AddNoteAsync).WithName("AddConversationNote");
        return app;
    }

    /// <summary>The summary's fields plus <c>recentMessages</c>, <c>trajectory</c>, <c>notes</c> and <c>participantIds</c>.</summary>
    private static async Task<Results<Ok<JsonObject>, ProblemHttpResult>> GetAsync(string id, IGrainFactory grains, IOptions<JsonOptions> json)
    {
        if (!CrmIds.IsValid(id))
        {
            return CrmIds.Invalid();
        }

        var detail = await grains.GetGrain<IConversationGrain>(id).GetDetailAsync();
        if (detail is null)
        {
            return NotFound(id);
        }

        var options = json.Value.SerializerOptions;
        var body = JsonSerializer.SerializeToNode(detail.Summary, options)!.AsObject();
        body["recentMessages"] = JsonSerializer.SerializeToNode(detail.RecentMessages, options);
        body["trajectory"] = JsonSerializer.SerializeToNode(detail.Trajectory, options);
        body["notes"] = JsonSerializer.SerializeToNode(detail.Notes, options);
        body["participantIds"] = JsonSerializer.SerializeToNode(detail.ParticipantIds, options);
        return TypedResults.Ok(body);
    }

    private static async Task<Results<Ok<ConversationSummary>, ProblemHttpResult>> AssignAsync(string id, CaseAssignRequest? request, IGrainFactory grains)
    {
        if (!CrmIds.IsValid(id))
        {
            return CrmIds.Invalid();
        }

        if (request is null)
        {
            return BadRequest("Missing body", "Send {\"assignee\": \"name\"} (null unassigns).");
        }

        var assignee = request.Assignee?.Trim();
        if (assignee is not null && (assignee.Length is 0 or > MaxAssigneeLength || assignee.Any(char.IsControl)))
        {
            return BadRequest("Invalid 'assignee'", $"'assignee' is 1-{MaxAssigneeLength} characters without control characters, or null to unassign.");
        }

        return Found(id, await grains.GetGrain<IConversationGrain>(id).AssignAsync(assignee));
    }

    private static async Task<Results<Ok<ConversationSummary>, ProblemHttpResult>> ResolveAsync(string id, IGrainFactory grains)
    {
        if (!CrmIds.IsValid(id))
        {
            return CrmIds.Invalid();
        }

        return Found(id, await grains.GetGrain<IConversationGrain>(id).ResolveAsync());
    }

    private static async Task<Results<Ok<ConversationSummary>, ProblemHttpResult>> AddNoteAsync(string id, CaseNoteRequest? request, IGrainFactory grains)
    {
        if (!CrmIds.IsValid(id))
        {
            return CrmIds.Invalid();
        }

        var text = request?.Text?.Trim();
        if (string.IsNullOrEmpty(text) || text.Length > MaxNoteLength)
        {
            return BadRequest("Invalid 'text'", $"Send {{\"text\": \"...\"}} with 1-{MaxNoteLength} characters.");
        }

        var author = request!.Author?.Trim();
        if (author is not null && (author.Length > MaxAssigneeLength || author.Any(char.IsControl)))
        {
            return BadRequest("Invalid 'author'", $"'author' is at most {MaxAssigneeLength} characters without control characters.");
        }

        return Found(id, await grains.GetGrain<IConversationGrain>(id).AddNoteAsync(text, string.IsNullOrEmpty(author) ? null : author));
    }

    private static Results<Ok<ConversationSummary>, ProblemHttpResult> Found(string id, ConversationSummary? summary) =>
        summary is null ? NotFound(id) : TypedResults.Ok(summary);

    private static ProblemHttpResult NotFound(string id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Conversation not found", detail: $"No mention in conversation '{id}' has been seen.");

    private static ProblemHttpResult BadRequest(string title, string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: title, detail: detail);
}
