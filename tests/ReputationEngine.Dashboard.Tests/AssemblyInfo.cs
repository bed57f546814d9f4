using ReputationEngine.Dashboard.Tests.Infrastructure;

// One browser for the whole run: launching Chromium is the slow part.
[assembly: AssemblyFixture(typeof(BrowserFixture))]
