using System.Net;
using Orleans.Configuration;
using Orleans.Runtime.Hosting;
using Orleans.Storage;
using ReputationEngine.Grains.Persistence;
using ReputationEngine.Server.Cluster;
using ReputationEngine.Server.Storage;

namespace ReputationEngine.Server.Extensions;

public static class OrleansHostingExtensions
{
    public const string ClusterId = "reputation";
    public const string ServiceId = "reputation-engine";

    /// <summary>ADO.NET invariant that Orleans 10.4 maps to Microsoft.Data.Sqlite's factory.</summary>
    public const string SqliteInvariant = "System.Data.SQLite";

    /// <summary>ADO.NET invariant of Npgsql for the Orleans providers.</summary>
    public const string PostgresInvariant = "Npgsql";

    /// <summary>Orleans' activation collection settings (<c>Orleans__GrainCollection__*</c>) over the engine's defaults.</summary>
    public const string GrainCollectionSection = "Orleans:GrainCollection";

    /// <summary>Orleans' grain directory settings (<c>Orleans__GrainDirectory__*</c>) over the engine's defaults.</summary>
    public const string GrainDirectorySection = "Orleans:GrainDirectory";

    /// <summary>
    /// Grain locations a silo remembers. Orleans' default (a million) lets the cache grow for hours at a steady rate
    /// (a new conversation or author is a new grain; ~300 bytes each); customers and conversations are placed on the
    /// silo that applies them, so most lookups are local and a smaller cache costs few directory calls.
    /// </summary>
    public const int DefaultDirectoryCacheSize = 100_000;

    /// <summary>Above this share of the memory the process may use, idle activations are shed, least recently used first.</summary>
    public const double DefaultMemoryLimitPercent = 75;

    /// <summary>Shedding stops when the estimate falls to this share.</summary>
    public const double DefaultMemoryTargetPercent = 60;

    /// <summary>How often idle activations are collected (Orleans' default is a minute).</summary>
    public static readonly TimeSpan DefaultCollectionQuantum = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Co-hosts an Orleans silo: ADO.NET grain storage on the engine's database, and localhost clustering or
    /// ADO.NET membership in PostgreSQL (<c>Cluster__Provider</c>).
    /// </summary>
    public static WebApplicationBuilder AddReputationSilo(this WebApplicationBuilder builder, EngineOptions engine,
        StorageOptions storageOptions, string storageConnectionString)
    {
        var storage = storageOptions.Provider;
        var cluster = builder.Configuration.GetSection(ClusterSettings.Section).Get<ClusterSettings>() ?? new ClusterSettings();
        if (cluster.Provider == ClusterProvider.AdoNet && storage != StorageProvider.Postgres)
        {
            throw new InvalidOperationException("Cluster__Provider=AdoNet keeps membership in PostgreSQL: set Storage__Provider=Postgres.");
        }

        var invariant = storage == StorageProvider.Postgres ? PostgresInvariant : SqliteInvariant;
        var membership = builder.Configuration.GetSection(ClusterSettings.MembershipSection);
        // Orleans' placement pipeline logs every placement through Polly at Information: one line per new grain.
        builder.Logging.AddFilter("Polly", LogLevel.Warning);
        builder.UseOrleans(silo =>
        {
            if (cluster.Provider == ClusterProvider.AdoNet)
            {
                silo.UseAdoNetClustering(options =>
                {
                    options.Invariant = PostgresInvariant;
                    options.ConnectionString = storageConnectionString;
                });
                if (cluster.Kubernetes)
                {
                    // Pod IP, pod name and listening endpoints come from the downward API; the ports stay ours.
                    silo.UseKubernetesHosting();
                    silo.Configure<EndpointOptions>(o =>
                    {
                        o.SiloPort = engine.SiloPort;
                        o.GatewayPort = engine.GatewayPort;
                    });
                }
                else if (cluster.AdvertisedAddress is { } advertised)
                {
                    var address = IPAddress.Parse(advertised);
                    silo.ConfigureEndpoints(address, engine.SiloPort, engine.GatewayPort, listenOnAnyHostAddress: !IPAddress.IsLoopback(address));
                }
                else
                {
                    silo.ConfigureEndpoints(engine.SiloPort, engine.GatewayPort, listenOnAnyHostAddress: true);
                }

                silo.Services.Configure<ClusterMembershipOptions>(membership);
            }
            else
            {
                silo.UseLocalhostClustering(engine.SiloPort, engine.GatewayPort, serviceId: ServiceId, clusterId: ClusterId);
            }

            if (storageOptions.GrainStorage == GrainStorageKind.AdoNet)
            {
                silo.AddAdoNetGrainStorage(StorageNames.Default, options =>
                {
                    options.Invariant = invariant;
                    options.ConnectionString = storageConnectionString;
                });
                // Orleans' binary serializer: compact payloads for large window states, no reflection.
                silo.Services.AddOptions<AdoNetGrainStorageOptions>(StorageNames.Default)
                    .PostConfigure<IServiceProvider>((options, services) =>
                        options.GrainStorageSerializer = new OrleansGrainStorageSerializer(services.GetRequiredService<Orleans.Serialization.Serializer>()));
            }
            else
            {
                silo.Services.AddGrainStorage(StorageNames.Default, (services, _) => new GroupCommitGrainStorage(
                    services.GetRequiredService<IEngineDatabase>(),
                    services.GetRequiredService<Orleans.Serialization.Serializer>(),
                    services.GetRequiredService<TimeProvider>(),
                    services.GetRequiredService<ILogger<GroupCommitGrainStorage>>()));
            }

            // A viral burst brings hundreds of thousands of new customers and conversations at once, faster than the idle
            // age collects them: past a memory budget (the machine's memory, the container's limit or DOTNET_GCHeapHardLimit)
            // the least recently used idle activations go early. Their state is durable by then (checkpoint each second).
            silo.Services.AddOptions<GrainCollectionOptions>()
                .Configure(o =>
                {
                    o.EnableActivationSheddingOnMemoryPressure = true;
                    o.MemoryUsageLimitPercentage = DefaultMemoryLimitPercent;
                    o.MemoryUsageTargetPercentage = DefaultMemoryTargetPercent;
                    // Collect idle activations every 15 s instead of every minute: each pass deactivates a quarter as many,
                    // so a pass does not outlast Orleans' deactivation timeout after a burst (docs/benchmarks.md).
                    o.CollectionQuantum = DefaultCollectionQuantum;
                })
                .Bind(builder.Configuration.GetSection(GrainCollectionSection));

            silo.Services.AddOptions<GrainDirectoryOptions>()
                .Configure(o => o.CacheSize = DefaultDirectoryCacheSize)
                .Bind(builder.Configuration.GetSection(GrainDirectorySection));

            silo.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = ClusterId;
                o.ServiceId = ServiceId;
            });
        });
        return builder;
    }
}
