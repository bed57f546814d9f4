using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Runtime.Hosting;
using ReputationEngine.Analytics.Sentiment;
using ReputationEngine.Grains.Alerts;
using ReputationEngine.Grains.Conversations;
using ReputationEngine.Grains.Ingest;
using ReputationEngine.Grains.Persistence;
using ReputationEngine.Grains.Sla;
using ReputationEngine.Grains.TopicLists;
using ReputationEngine.Grains.Topics;

namespace ReputationEngine.Cli.Replay;

/// <summary>
/// An in-process silo running the engine's real grains on in-process storage, for replays. Only critical logs: the
/// replay clock jumps through history, which Orleans' health monitors report as stalls that do not matter here.
/// </summary>
public static class ReplaySilo
{
    /// <param name="clock">The event-time clock the grains read.</param>
    /// <param name="configureTopics">Tests shorten the silence check period; a replay uses the defaults.</param>
    public static IHost Build(ReplayClock clock, Action<TopicGrainOptions>? configureTopics = null) =>
        Host.CreateDefaultBuilder()
            .ConfigureLogging(logging => logging.ClearProviders().AddConsole().SetMinimumLevel(LogLevel.Critical))
            .UseOrleans(silo =>
            {
                silo.UseLocalhostClustering(FreePort(), FreePort());
                // In-process storage: no grain call per state read or write (see ReplayGrainStorage).
                silo.Services.AddSingleton<ReplayGrainStorage>();
                silo.Services.AddGrainStorage(StorageNames.Default, (services, _) => services.GetRequiredService<ReplayGrainStorage>());
                silo.Services.AddSingleton<TimeProvider>(clock);
                silo.Services.AddSingleton<ISentimentScorer>(_ => SentimentModel.LoadDefault());
                silo.Services.AddSingleton<TopicRulesCache>();
                silo.Services.AddSingleton<PendingSeeds>();
                // Deterministic runs: nothing may happen on the wall clock (see TopicGrainOptions and SlaOptions).
                // The topics' silence check is driven by ReplayDriver in event time instead of their wall-clock timer.
                silo.Services.Configure<TopicGrainOptions>(o =>
                {
                    configureTopics?.Invoke(o);
                    o.ResolveAlertsWhenSilent = false;
                    o.WriteOnAlertChange = false;
                    o.NotifyDashboards = false;
                });
                silo.Services.Configure<SlaOptions>(o => o.WakeUpWhenDue = false);
                // No wall-clock write-soon timers (ApplyInOrderAsync flushes each conversation in its turn) and no topic
                // lists: nothing in a replay reads them.
                silo.Services.Configure<CaseGrainOptions>(o =>
                {
                    o.WriteSoon = false;
                    o.ListInTopics = false;
                });
                silo.Services.AddSingleton<ReplayActiveAlerts>();
                silo.Services.AddSingleton<IAlertListener>(sp => sp.GetRequiredService<ReplayActiveAlerts>());
                silo.Services.AddSingleton<InMemoryAlertLedger>();
                silo.Services.AddSingleton<IAlertLedger>(sp => sp.GetRequiredService<InMemoryAlertLedger>());
                silo.Services.AddSingleton<ITopicListStore, InMemoryTopicListStore>();
                // Orleans scans its working set (every activation) every 5 s to tell recently active from idle ones, for
                // metrics and memory-based shedding; with a grain per author that scan took ~7 % of a replay's CPU. Idle
                // grains are still collected (Orleans' activation collector does not use the working set).
                silo.Services.AddSingleton<IActivationWorkingSet, NoWorkingSet>();
            })
            .Build();

    private sealed class NoWorkingSet : IActivationWorkingSet
    {
        public int Count => 0;

        public void OnActivated(IActivationWorkingSetMember member)
        {
        }

        public void OnActive(IActivationWorkingSetMember member)
        {
        }

        public void OnDeactivating(IActivationWorkingSetMember member)
        {
        }

        public void OnDeactivated(IActivationWorkingSetMember member)
        {
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
