using System.Data.Common;
using ReputationEngine.Abstractions.Alerts;

namespace ReputationEngine.Server.Alerts;

/// <summary>
/// Writes what follows from an alert change (webhook outbox rows, escalation schedule) inside the ledger's
/// transaction, so the alert row and its consequences commit together or not at all.
/// </summary>
public interface IAlertChangeWriter
{
    Task WriteAsync(DbConnection connection, DbTransaction transaction, AlertChange change, CancellationToken cancellationToken);
}
