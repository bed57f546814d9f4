using System.Text.Json;
using System.Text.Json.Serialization;
using ReputationEngine.Analytics.Sentiment;
using ReputationEngine.Grains.Alerts;
using ReputationEngine.Server.Alerts;
using ReputationEngine.Grains.Ingest;
using ReputationEngine.Server.Ingest;
using ReputationEngine.Server.MentionLog;
using ReputationEngine.Server.Storage;

namespace ReputationEngine.Server.Extensions;

public static class EngineServiceExtensions
{
    /// <summary>Everything the engine needs besides Orleans: storage, the mention log, ingest, JSON and problem details.</summary>
    public static WebApplicationBuilder AddReputationEngine(this WebApplicationBuilder builder, EngineOptions engine)
    {
        Directory.CreateDirectory(engine.DataDir);
        var storage = builder.Configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        if (storage.Provider != StorageProvider.Sqlite)
        {
            throw new NotSupportedException($"Storage provider '{storage.Provider}' is not available in this build; use Sqlite.");
        }

        var connectionString = storage.ConnectionString ?? SqliteDatabase.DefaultConnectionString(engine.DataDir);
        var database = new SqliteDatabase(connectionString);

        // The schema must exist before the silo starts: the storage provider reads its queries at start.
        database.ApplySchemaAsync().GetAwaiter().GetResult();

        var services = builder.Services;
        services.AddSingleton(engine);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<ISentimentScorer>(_ => SentimentModel.LoadDefault());
        services.AddSingleton<TopicRulesCache>();
        services.AddSingleton(new IngestPartition($"{Environment.MachineName.ToLowerInvariant()}:{engine.SiloPort}"));
        services.AddSingleton<IEngineDatabase>(database);
        services.AddSingleton<IMentionLogStore, MentionLogStore>();
        services.AddSingleton<AlertStore>();
        services.AddSingleton<IAlertLedger>(sp => sp.GetRequiredService<AlertStore>());
        services.AddSingleton<MentionDispatcher>();
        services.AddSingleton<MentionLogWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<MentionDispatcher>());
        services.AddHostedService(sp => sp.GetRequiredService<MentionLogWriter>());

        services.AddProblemDetails();
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
            o.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        });
        builder.AddReputationSilo(engine, connectionString);
        return builder;
    }
}
