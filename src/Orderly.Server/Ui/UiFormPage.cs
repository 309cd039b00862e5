using Microsoft.AspNetCore.Components;

namespace Orderly.Server.Ui;

/// <summary>
/// A page with a form. The page loads in <see cref="InitializeAsync"/>, and its handlers start with
/// <c>await Initialized</c>: a handler then never runs beside the page's own reads on the request's one <c>DbContext</c>
/// (which EF Core refuses), whatever order the renderer dispatches them in. Fields a page renders are set together
/// once read: when a read really waits (PostgreSQL), the page renders in between.
/// </summary>
public abstract class UiFormPage : ComponentBase
{
    private Task _initialized = Task.CompletedTask;

    /// <summary>The page's loading, done once per request.</summary>
    protected Task Initialized => _initialized;

    protected sealed override Task OnInitializedAsync() => _initialized = InitializeAsync();

    /// <summary>What the page reads before it renders (what <c>OnInitializedAsync</c> would do).</summary>
    protected abstract Task InitializeAsync();

    private static readonly IReadOnlyDictionary<string, string> NoErrors = new Dictionary<string, string>();

    /// <summary>The posted form a handler refused (set by the handler): shown again as typed, its errors under its own fields.</summary>
    protected UiForm? RefusedForm { get; set; }

    /// <summary>The refused form when it is <paramref name="form"/> (its <c>@formname</c>), else null: the other forms of the page stay as they were.</summary>
    protected UiForm? PostedFor(string form) => RefusedForm?.Name == form ? RefusedForm : null;

    /// <summary><paramref name="errors"/> when the refused form is <paramref name="form"/>, else none: one form's errors never stand under another's fields.</summary>
    protected IReadOnlyDictionary<string, string> ErrorsFor(string form, IReadOnlyDictionary<string, string> errors) =>
        RefusedForm?.Name == form ? errors : NoErrors;
}
