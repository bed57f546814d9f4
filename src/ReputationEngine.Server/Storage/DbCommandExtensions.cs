using System.Collections.Concurrent;
using System.Data.Common;

namespace ReputationEngine.Server.Storage;

public static class DbCommandExtensions
{
    public static DbCommand Command(this DbConnection connection, string sql, DbTransaction? transaction = null)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command;
    }

    // Microsoft.Data.Sqlite looks a bare name up under each prefix in turn ('@', '$', ':'), encoding it to UTF-8 for every
    // try and every execution; named as written in the SQL it is found at once. Npgsql accepts the prefix too.
    private static readonly ConcurrentDictionary<string, string> Prefixed = new(StringComparer.Ordinal);

    /// <summary>Adds a named parameter (write names without the '@' prefix).</summary>
    public static DbParameter Parameter(this DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = AsWritten(name);
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
        return parameter;
    }

    /// <summary>The parameter name as the SQL spells it (<c>@name</c>), cached: names are a handful of literals.</summary>
    public static string AsWritten(string name) => name.StartsWith('@') ? name : Prefixed.GetOrAdd(name, static n => "@" + n);
}
