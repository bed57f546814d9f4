using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Storage;
using ReputationEngine.Abstractions.Customers;
using ReputationEngine.Abstractions.Mentions;
using ReputationEngine.Grains.Conversations;
using ReputationEngine.Grains.Ingest;
using ReputationEngine.Grains.Persistence;

namespace ReputationEngine.Grains.Customers;

/// <summary>
/// Writes an author's first mentions straight to grain storage, without activating their <see cref="CustomerGrain"/>.
/// Most authors are seen once, and an activation (directory entry, state read, a deactivation and write 1.5 minutes
/// later) per author was what was left of ingest's per-mention grain cost after conversations were seeded
/// (docs/benchmarks.md). The row is the one the grain would have written (both fold with <see cref="CustomerFold"/>)
/// and so is the summary returned.
/// </summary>
/// <remarks>
/// Unlike a post's conversation, a customer's existence is not known without a read: the write is insert-only (no
/// ETag), and where the row exists already it fails and the mentions are applied through the grain. The insert is
/// awaited (the summary, and the influence a new post's SLA is set by, depend on whether the customer existed), so
/// the batch reports its seeds durable when it returns. Not seeded: a customer the partition sent mentions to since its
/// last checkpoint (that activation's state may not be written yet), one with an activation or another seed in flight
/// on this silo (<see cref="PendingSeeds.TryClaimCustomer"/>), and one this silo applied mentions to before
/// (<see cref="PendingSeeds.IsCustomerKnown"/>: its insert would most likely fail).
/// </remarks>
public sealed class CustomerSeeder(IGrainFactory grains, IServiceProvider services, PendingSeeds pending, TimeProvider time, IOptions<CaseGrainOptions> caseOptions)
{
    /// <summary>The state name of <see cref="CustomerGrain"/>'s persistent state.</summary>
    public const string StateName = "customer";

    private readonly IGrainStorage _storage = services.GetRequiredKeyedService<IGrainStorage>(StorageNames.Default);
    private readonly bool _listInTopics = caseOptions.Value.ListInTopics;

    /// <summary>
    /// Applies one author's mentions of a batch, as a seed where possible, and returns what <see cref="ICustomerGrain.ApplyAsync"/>
    /// would have returned, and whether they went through the grain (its state is then the partition checkpoint's to flush).
    /// <paramref name="expected"/> is the partition's last sequence sent to this customer since its checkpoint (0: none).
    /// </summary>
    public async Task<CustomerApplied> ApplyAsync(string partition, string customerId, ScoredMention[] mentions, long expected)
    {
        var batch = new MentionBatch(partition, mentions, expected);
        if (expected == 0 && mentions.Length > 0 && !pending.IsCustomerKnown(customerId))
        {
            var written = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            if (pending.TryClaimCustomer(customerId, written.Task))
            {
                var (inserted, summary) = await SeedAsync(customerId, batch, written);
                if (inserted)
                {
                    return new CustomerApplied(summary, ThroughGrain: false);
                }
            }
            else if (pending.CustomerSeed(customerId) is { } inFlight)
            {
                // Another partition's seed of this author: its mentions are applied before these.
                await inFlight.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing | ConfigureAwaitOptions.ContinueOnCapturedContext);
            }
        }

        var applied = await grains.GetCachedGrain<ICustomerGrain>(customerId).ApplyAsync(batch);
        pending.RememberCustomer(customerId);
        return new CustomerApplied(applied, ThroughGrain: true);
    }

    /// <summary>Not inserted when the row existed (the caller applies the mentions through the grain).</summary>
    private async Task<(bool Inserted, CustomerSummary? Summary)> SeedAsync(string customerId, MentionBatch batch, TaskCompletionSource<bool> written)
    {
        var stored = false;
        try
        {
            var now = time.GetUtcNow();
            var state = new CustomerState();
            CustomerFold.Apply(state, batch, now);
            var summary = CustomerFold.AppliedSummary(customerId, state, _listInTopics, now);
            // Not inserted: a returning author, whose grain applies the mentions (its watermarks drop any it holds already).
            var inserted = await _storage.TryInsertAsync(StateName, grains.GetCachedGrain<ICustomerGrain>(customerId).GetGrainId(), state);
            stored = true;
            written.SetResult(inserted);
            return (inserted, summary);
        }
        catch (Exception ex)
        {
            written.TrySetException(ex);
            throw;
        }
        finally
        {
            pending.ReleaseCustomer(customerId, written.Task, stored);
        }
    }
}

/// <param name="Summary">What the customer grain's apply returns: the topic lists' entry, null for a brand.</param>
/// <param name="ThroughGrain">Applied by the grain (not written yet: the checkpoint flushes it), not seeded.</param>
public readonly record struct CustomerApplied(CustomerSummary? Summary, bool ThroughGrain);
