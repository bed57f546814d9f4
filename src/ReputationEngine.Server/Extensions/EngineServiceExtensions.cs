using System.Text.Json;
using System.Text.Json.Serialization;
using ReputationEngine.Abstractions.Validation;
using ReputationEngine.Analytics.Sentiment;
using ReputationEngine.Grains.Alerts;
using ReputationEngine.Grains.Conversations;
using ReputationEngine.Grains.Ingest;
using ReputationEngine.Grains.TopicLists;
using ReputationEngine.Server.Alerts;
using ReputationEngine.Server.Cluster;
using ReputationEngine.Server.Ingest;
using ReputationEngine.Server.MentionLog;
using ReputationEngine.Server.Privacy;
using ReputationEngine.Server.Storage;

namespace ReputationEngine.Server.Extensions;

public static class EngineServiceExtensions
{
    /// <summary>Everything the engine needs besides Orleans: storage, the mention log, ingest, JSON and problem details.</summary>
    public static WebApplicationBuilder AddReputationEngine(this WebApplicationBuilder builder, EngineOptions engine)
    {
        Directory.CreateDirectory(engine.DataDir);
        var storage = builder.Configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        IEngineDatabase database = storage.Provider switch
        {
            StorageProvider.Postgres => new PostgresDatabase(storage.ConnectionString
                ?? throw new InvalidOperationException("Storage__ConnectionString is required with Storage__Provider=Postgres.")),
            _ => new SqliteDatabase(storage.ConnectionString ?? SqliteDatabase.DefaultConnectionString(engine.DataDir)),
        };
        var connectionString = database switch
        {
            PostgresDatabase postgres => postgres.ConnectionString,
            SqliteDatabase sqlite => sqlite.ConnectionString,
            _ => throw new NotSupportedException(),
        };

        // The schema must exist before the silo starts: the Orleans providers read their queries at start.
        database.ApplySchemaAsync().GetAwaiter().GetResult();

        var services = builder.Services;
        services.AddSingleton(engine);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<ISentimentScorer>(_ => SentimentModel.LoadDefault());
        services.AddSingleton<TopicRulesCache>();
        services.AddSingleton<PendingSeeds>();
        services.AddSingleton(new IngestPartition($"{Environment.MachineName.ToLowerInvariant()}:{engine.SiloPort}"));
        services.AddSingleton(storage);
        services.AddSingleton(database);
        services.AddSingleton<IMentionLogStore, MentionLogStore>();
        services.AddSingleton<PartitionLeaseStore>();
        services.AddSingleton<PartitionOwnership>();
        services.AddSingleton<AlertStore>();
        services.AddSingleton<IAlertLedger>(sp => sp.GetRequiredService<AlertStore>());
        services.AddSingleton<ITopicListStore, TopicListStore>();
        services.AddOptions<IngestOptions>()
            .Bind(builder.Configuration.GetSection(IngestOptions.Section))
            .Validate(o => o.MaxUncheckpointedMentions > 0, "Ingest__MaxUncheckpointedMentions must be positive.")
            .Validate(o => o.MaxCaseLaneBacklog >= 0, "Ingest__MaxCaseLaneBacklog must not be negative.")
            .ValidateOnStart();
        services.AddSingleton<LogWriterBacklog>();
        services.AddSingleton<MentionDispatcher>();
        services.AddSingleton<CustomerErasure>();
        services.AddSingleton<MentionLogWriter>();
        // The silo first: hosted services stop in reverse order, so it stops last. Stopped before the dispatcher, it
        // stopped placing grains while batches and the final checkpoint still called them: the checkpoint failed (the next
        // start replayed everything since the last one) and every call logged a placement error, a million lines.
        builder.AddReputationSilo(engine, storage, connectionString);
        // Order matters: the partition lease is held before the dispatcher replays or the writer appends.
        services.AddHostedService(sp => sp.GetRequiredService<PartitionOwnership>());
        services.AddHostedService(sp => sp.GetRequiredService<MentionDispatcher>());
        services.AddHostedService(sp => sp.GetRequiredService<MentionLogWriter>());
        services.AddWebhooks(builder.Configuration);
        services.AddHostedService<MentionLogRetention>();
        services.AddHostedService<SlaScheduleStarter>();

        services.AddProblemDetails();
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
            o.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
            // Request bodies of the JSON routes are flat objects; deep nesting is refused early.
            o.SerializerOptions.MaxDepth = IngestLimits.MaxJsonDepth;
        });
        builder.AddReputationAccess();
        builder.AddReputationDashboard(engine);
        return builder;
    }
}
