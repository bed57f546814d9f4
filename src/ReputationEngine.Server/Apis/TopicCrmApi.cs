using ReputationEngine.Server.Access;
using Microsoft.AspNetCore.Http.HttpResults;
using ReputationEngine.Abstractions.Conversations;
using ReputationEngine.Abstractions.Customers;
using ReputationEngine.Abstractions.Topics;
using ReputationEngine.Abstractions.Validation;

namespace ReputationEngine.Server.Apis;

/// <summary>A topic's customers and cases (DESIGN §4.3): the lists a care team works from.</summary>
public static class TopicCrmApi
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 500;

    public static IEndpointRouteBuilder MapTopicCrmApi(this IEndpointRouteBuilder app)
    {
        var topics = app.MapGroup("/api/topics").RequireScope(Scopes.Read).WithTags("Topics");
        topics.MapGet("/{id}/customers", CustomersAsync).WithName("ListTopicCustomers");
        topics.MapGet("/{id}/conversations", ConversationsAsync).WithName("ListTopicConversations");
        return app;
    }

    /// <summary><c>?sort=influence|risk</c> (default influence), <c>&amp;limit=</c> 1..500 (default 50).</summary>
    private static async Task<Results<Ok<CustomerSummary[]>, ProblemHttpResult>> CustomersAsync(
        string id, string? sort, int? limit, IGrainFactory grains)
    {
        if (await CheckTopicAsync(id, limit, grains) is { } problem)
        {
            return problem;
        }

        if (!QueryNames.TryParse<CustomerSort>(sort ?? nameof(CustomerSort.Influence), out var order))
        {
            return BadRequest("Invalid 'sort'", "'sort' is influence or risk.");
        }

        return TypedResults.Ok(await grains.GetGrain<ITopicCustomersGrain>(id).ListAsync(order, limit ?? DefaultLimit));
    }

    /// <summary><c>?state=open|pending|resolved</c> (default all), <c>&amp;sort=waiting|virality|recent</c> (default waiting), <c>&amp;limit=</c>.</summary>
    private static async Task<Results<Ok<ConversationSummary[]>, ProblemHttpResult>> ConversationsAsync(
        string id, string? state, string? sort, int? limit, IGrainFactory grains)
    {
        if (await CheckTopicAsync(id, limit, grains) is { } problem)
        {
            return problem;
        }

        if (!QueryNames.TryParse<ConversationSort>(sort ?? nameof(ConversationSort.Waiting), out var order))
        {
            return BadRequest("Invalid 'sort'", "'sort' is waiting, virality or recent.");
        }

        ConversationState? filter = null;
        if (state is not null && !string.Equals(state, "all", StringComparison.OrdinalIgnoreCase))
        {
            if (!QueryNames.TryParse<ConversationState>(state, out var parsed))
            {
                return BadRequest("Invalid 'state'", "'state' is open, pending, resolved or all.");
            }

            filter = parsed;
        }

        return TypedResults.Ok(await grains.GetGrain<ITopicConversationsGrain>(id).ListAsync(filter, order, limit ?? DefaultLimit));
    }

    private static async Task<ProblemHttpResult?> CheckTopicAsync(string id, int? limit, IGrainFactory grains)
    {
        if (!TopicIds.IsValid(id))
        {
            return BadRequest("Invalid topic id", TopicIds.Rule);
        }

        if (limit is < 1 or > MaxLimit)
        {
            return BadRequest("Invalid 'limit'", $"'limit' is 1-{MaxLimit}.");
        }

        return await grains.GetGrain<IBrandTopicGrain>(id).GetDefinitionAsync() is null
            ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Topic not found", detail: $"No topic '{id}' is defined or mentioned yet.")
            : null;
    }

    private static ProblemHttpResult BadRequest(string title, string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: title, detail: detail);
}
