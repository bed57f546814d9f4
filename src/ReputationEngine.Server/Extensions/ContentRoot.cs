using System.Reflection;

namespace ReputationEngine.Server.Extensions;

/// <summary>
/// Where the engine reads appsettings.json and serves the dashboard from. ASP.NET's default is the current
/// directory, so a published engine started from anywhere else (a service manager, <c>dotnet /opt/reputation/…dll</c>)
/// ran without its settings (every request logged at Information) and answered 404 for the dashboard.
/// </summary>
public static class ContentRoot
{
    public const string SettingsFile = "appsettings.json";

    /// <summary>
    /// The application's own directory when it holds the settings and the current directory does not; otherwise null
    /// (ASP.NET's default). An explicit <c>--contentRoot</c> or <c>*_CONTENTROOT</c> variable always wins, and a host
    /// that embeds the engine (tests, the load harness) keeps choosing its own.
    /// </summary>
    public static string? For(string[] args, string currentDirectory, string appDirectory, bool engineIsEntryPoint)
    {
        var explicitRoot = args.Any(a => a.TrimStart('-').StartsWith("contentRoot", StringComparison.OrdinalIgnoreCase))
            || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DOTNET_CONTENTROOT"))
            || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ASPNETCORE_CONTENTROOT"));
        if (explicitRoot || !engineIsEntryPoint || File.Exists(Path.Combine(currentDirectory, SettingsFile)))
        {
            return null;
        }

        return File.Exists(Path.Combine(appDirectory, SettingsFile)) ? appDirectory : null;
    }

    public static string? For(string[] args) =>
        For(args, Directory.GetCurrentDirectory(), AppContext.BaseDirectory, Assembly.GetEntryAssembly() == typeof(ContentRoot).Assembly);
}
