namespace CyberReview.Transparency.Tests;

public sealed class SharedDataTests : IDisposable
{
    private readonly DirectoryInfo _scratch = Directory.CreateTempSubdirectory("cyberreview-shared-data-");

    [Fact]
    public void The_environment_variable_wins() =>
        Assert.Equal(Path.GetFullPath(_scratch.FullName), SharedData.Locate(_scratch.FullName, AppContext.BaseDirectory));

    [Fact]
    public void Otherwise_the_data_is_beside_the_first_folder_above_that_holds_the_solution()
    {
        var repository = _scratch.CreateSubdirectory("main");
        File.WriteAllText(Path.Combine(repository.FullName, "CyberReview.slnx"), "<Solution />");
        var binaries = repository.CreateSubdirectory(Path.Combine("tests", "X", "bin", "Debug"));

        Assert.Equal(Path.Combine(_scratch.FullName, "shared", "data"), SharedData.Locate(null, binaries.FullName));
        Assert.Equal(Path.Combine(_scratch.FullName, "shared", "data"), SharedData.Locate(" ", binaries.FullName));
    }

    [Fact]
    public void Without_a_solution_above_there_is_no_data() =>
        Assert.Null(SharedData.Locate(null, _scratch.FullName));

    public void Dispose() => _scratch.Delete(recursive: true);
}
