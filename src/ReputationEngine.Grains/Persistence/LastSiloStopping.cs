using Microsoft.Extensions.DependencyInjection;

namespace ReputationEngine.Grains.Persistence;

/// <summary>
/// Whether a grain deactivates because its silo is stopping and no other silo is active. Then a call to another grain
/// can only fail placement (each failure logged with its stack, hundreds of thousands of lines after a busy hour), so a
/// deactivating grain writes its own state and skips what it pushes to others: topic-list entries are views refreshed at
/// its next change, and engagement credits stay in the conversation's state until its next activation.
/// With another silo active the pushes go on: that silo serves them.
/// </summary>
public static class LastSiloStopping
{
    public static bool Applies(DeactivationReason reason, IServiceProvider services)
    {
        if (reason.ReasonCode != DeactivationReasonCode.ShuttingDown)
        {
            return false;
        }

        var membership = services.GetService<IClusterMembershipService>();
        var local = services.GetService<ILocalSiloDetails>();
        if (membership is null || local is null)
        {
            return false;
        }

        foreach (var member in membership.CurrentSnapshot.Members.Values)
        {
            if (member.Status == SiloStatus.Active && !member.SiloAddress.Equals(local.SiloAddress))
            {
                return false;
            }
        }

        return true;
    }
}
