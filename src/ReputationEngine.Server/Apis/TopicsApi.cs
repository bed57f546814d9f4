using Microsoft.AspNetCore.Http.HttpResults;
using ReputationEngine.Abstractions.Topics;
using ReputationEngine.Abstractions.Validation;
using ReputationEngine.Server.Access;

namespace ReputationEngine.Server.Apis;

public static class TopicsApi
{
    public const int MaxRulesPerList = 500;
    public const int MaxRuleLength = 200;
    public const int MaxNameLength = 200;
    public const int MaxAlertingSettings = 50;

    public static IEndpointRouteBuilder MapTopicsApi(this IEndpointRouteBuilder app)
    {
        var topics = app.MapGroup("/api/topics").RequireScope(Scopes.Read).WithTags("Topics");
        // Defining what a topic matches is configuration: admin only.
        app.MapPut("/api/topics/{id}", PutAsync).WithName("PutTopic").WithTags("Topics").RequireScope(Scopes.Admin);
        topics.MapGet("/", async (IGrainFactory grains) =>
            TypedResults.Ok(await grains.GetGrain<ITopicDirectoryGrain>(ITopicDirectoryGrain.Key).GetAllAsync())).WithName("ListTopics");
        topics.MapGet("/{id}", GetAsync).WithName("GetTopic");
        topics.MapGet("/{id}/snapshot", SnapshotAsync).WithName("GetTopicSnapshot");
        topics.MapGet("/{id}/timeseries", TimeSeriesAsync).WithName("GetTopicTimeSeries");
        return app;
    }

    private static async Task<Results<Ok<TopicDefinition>, ProblemHttpResult>> PutAsync(
        string id, TopicRequest? request, IGrainFactory grains, TimeProvider time)
    {
        if (!TopicIds.IsValid(id))
        {
            return BadRequest("Invalid topic id", TopicIds.Rule);
        }

        if (request is null)
        {
            return BadRequest("Missing body", "Send a JSON object with name, keywords, hashtags, handles, exclude, brandHandles.");
        }

        var lists = new[] { ("keywords", request.Keywords), ("hashtags", request.Hashtags), ("handles", request.Handles), ("exclude", request.Exclude), ("brandHandles", request.BrandHandles) };
        foreach (var (name, list) in lists)
        {
            if (list is null)
            {
                continue;
            }

            if (list.Length > MaxRulesPerList || list.Any(r => string.IsNullOrWhiteSpace(r) || r.Length > MaxRuleLength || r.Any(char.IsControl) || !TextRules.IsWellFormed(r)))
            {
                return BadRequest($"Invalid '{name}'", $"'{name}' must hold at most {MaxRulesPerList} non-empty strings of at most {MaxRuleLength} characters (valid Unicode, no control characters).");
            }
        }

        if (request.Name is { } topicName && (topicName.Length > MaxNameLength || topicName.Any(char.IsControl) || !TextRules.IsWellFormed(topicName)))
        {
            return BadRequest("Invalid 'name'", $"'name' is at most {MaxNameLength} characters of valid Unicode without control characters.");
        }

        if (request.Alerting is { } alerting && (alerting.Count > MaxAlertingSettings
            || alerting.Any(a => !TopicIds.IsValid(a.Key) || !double.IsFinite(a.Value))))
        {
            return BadRequest("Invalid 'alerting'", $"'alerting' must map at most {MaxAlertingSettings} setting names (letters, digits, '-', '_', '.') to finite numbers.");
        }

        var definition = new TopicDefinition
        {
            Id = id,
            Name = string.IsNullOrWhiteSpace(request.Name) ? id : request.Name.Trim(),
            Keywords = Clean(request.Keywords),
            Hashtags = Clean(request.Hashtags),
            Handles = Clean(request.Handles),
            Exclude = Clean(request.Exclude),
            BrandHandles = Clean(request.BrandHandles),
            Alerting = request.Alerting ?? [],
            UpdatedAt = time.GetUtcNow(),
        };
        await grains.GetGrain<IBrandTopicGrain>(id).DefineAsync(definition);
        return TypedResults.Ok(definition);
    }

    private static async Task<Results<Ok<TopicDefinition>, ProblemHttpResult>> GetAsync(string id, IGrainFactory grains)
    {
        if (!TopicIds.IsValid(id))
        {
            return BadRequest("Invalid topic id", TopicIds.Rule);
        }

        var definition = await grains.GetGrain<IBrandTopicGrain>(id).GetDefinitionAsync();
        return definition is null ? NotFound(id) : TypedResults.Ok(definition);
    }

    private static async Task<Results<Ok<TopicSnapshot>, ProblemHttpResult>> SnapshotAsync(string id, IGrainFactory grains)
    {
        if (!TopicIds.IsValid(id))
        {
            return BadRequest("Invalid topic id", TopicIds.Rule);
        }

        var grain = grains.GetGrain<IBrandTopicGrain>(id);
        if (await grain.GetDefinitionAsync() is null)
        {
            return NotFound(id);
        }

        return TypedResults.Ok(await grain.GetSnapshotAsync());
    }

    private static async Task<Results<Ok<TimeSeriesPoint[]>, ProblemHttpResult>> TimeSeriesAsync(
        string id, DateTimeOffset? from, DateTimeOffset? to, string? step, IGrainFactory grains)
    {
        if (!TopicIds.IsValid(id))
        {
            return BadRequest("Invalid topic id", TopicIds.Rule);
        }

        var grain = grains.GetGrain<IBrandTopicGrain>(id);
        var snapshot = await grain.GetSnapshotAsync();
        if (await grain.GetDefinitionAsync() is null)
        {
            return NotFound(id);
        }

        if (!TryParseStep(step, out var stepSpan))
        {
            return BadRequest("Invalid 'step'", "'step' is a duration such as 1s, 10s, 1m, 5m, 1h (or seconds as a number); default 1m.");
        }

        var end = to ?? snapshot.LatestEventAt ?? DateTimeOffset.UtcNow;
        var start = from ?? end.AddHours(-1);
        if (start > end)
        {
            return BadRequest("Invalid range", "'from' must not be after 'to'.");
        }

        return TypedResults.Ok(await grain.GetTimeSeriesAsync(start, end, stepSpan));
    }

    internal static bool TryParseStep(string? text, out TimeSpan step)
    {
        step = TimeSpan.FromMinutes(1);
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        var unit = text[^1];
        var number = char.IsDigit(unit) ? text : text[..^1];
        if (!int.TryParse(number, out var value) || value <= 0 || value > 7 * 24 * 3600)
        {
            return false;
        }

        step = unit switch
        {
            's' => TimeSpan.FromSeconds(value),
            'm' => TimeSpan.FromMinutes(value),
            'h' => TimeSpan.FromHours(value),
            'd' => TimeSpan.FromDays(value),
            _ when char.IsDigit(unit) => TimeSpan.FromSeconds(value),
            _ => TimeSpan.Zero,
        };
        return step > TimeSpan.Zero && step <= TimeSpan.FromDays(7);
    }

    private static string[] Clean(string[]? values) =>
        values is null ? [] : [.. values.Select(v => v.Trim()).Distinct(StringComparer.OrdinalIgnoreCase)];

    private static ProblemHttpResult BadRequest(string title, string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: title, detail: detail);

    private static ProblemHttpResult NotFound(string id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Topic not found", detail: $"No topic '{id}' is defined or mentioned yet.");
}
