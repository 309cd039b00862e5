using System.Globalization;

namespace Orderly.Server.Tests.Ui;

/// <summary>The page's culture for a component test (as the request culture sets it for a page), restored on dispose.</summary>
internal sealed class UiCulture : IDisposable
{
    private readonly (CultureInfo, CultureInfo) _before = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);

    public UiCulture(string name) => CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(name);

    public void Dispose() => (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = _before;
}
