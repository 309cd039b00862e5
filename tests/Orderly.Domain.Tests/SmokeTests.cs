namespace Orderly.Domain.Tests; public class SmokeTests { [Fact] public void Works() => 1.ShouldBe(1); }
