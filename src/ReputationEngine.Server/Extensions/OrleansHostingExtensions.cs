using Orleans.Configuration;
using Orleans.Storage;
using ReputationEngine.Grains.Persistence;

namespace ReputationEngine.Server.Extensions;

public static class OrleansHostingExtensions
{
    public const string ClusterId = "reputation";
    public const string ServiceId = "reputation-engine";

    /// <summary>ADO.NET invariant that Orleans 10.4 maps to Microsoft.Data.Sqlite's factory.</summary>
    public const string SqliteInvariant = "System.Data.SQLite";

    /// <summary>Co-hosts an Orleans silo: localhost clustering and ADO.NET grain storage on the engine's database.</summary>
    public static WebApplicationBuilder AddReputationSilo(this WebApplicationBuilder builder, EngineOptions engine, string storageConnectionString)
    {
        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(engine.SiloPort, engine.GatewayPort, serviceId: ServiceId, clusterId: ClusterId);
            silo.AddAdoNetGrainStorage(StorageNames.Default, options =>
            {
                options.Invariant = SqliteInvariant;
                options.ConnectionString = storageConnectionString;
            });
            // Orleans' binary serializer: compact payloads for large window states, no reflection.
            silo.Services.AddOptions<AdoNetGrainStorageOptions>(StorageNames.Default)
                .PostConfigure<IServiceProvider>((options, services) =>
                    options.GrainStorageSerializer = new OrleansGrainStorageSerializer(services.GetRequiredService<Orleans.Serialization.Serializer>()));
            silo.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = ClusterId;
                o.ServiceId = ServiceId;
            });
        });
        return builder;
    }
}
