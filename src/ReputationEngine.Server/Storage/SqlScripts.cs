using System.Reflection;

namespace ReputationEngine.Server.Storage;

/// <summary>The project's own schema scripts from deploy/sql, embedded in the server at build time.</summary>
public static class SqlScripts
{
    /// <summary>Scripts for one provider folder (<c>sqlite</c>, <c>postgres</c>), in file-name order.</summary>
    public static IReadOnlyList<(string Name, string Sql)> For(string provider)
    {
        var assembly = typeof(SqlScripts).Assembly;
        var prefix = $"sql.{provider}/";
        return [.. assembly.GetManifestResourceNames()
            .Where(n => n.Replace('\\', '/').StartsWith(prefix, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n => (n[prefix.Length..], Read(assembly, n)))];
    }

    private static string Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
