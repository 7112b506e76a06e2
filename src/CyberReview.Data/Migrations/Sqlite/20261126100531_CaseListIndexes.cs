using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CyberReview.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CaseListIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Cases_State_DueOn",
                table: "Cases");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_DueOn",
                table: "Cases",
                column: "DueOn");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_State_UpdatedAt",
                table: "Cases",
                columns: new[] { "State", "UpdatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Cases_DueOn",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_State_UpdatedAt",
                table: "Cases");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_State_DueOn",
                table: "Cases",
                columns: new[] { "State", "DueOn" });
        }
    }
}
