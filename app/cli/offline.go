package cli

import (
	"context"
	"fmt"

	"bcpeditor/app"
	"bcpeditor/app/workspace"
)

// Offline work from the command line: meenemen copies profiles from the
// (team) library into the designer's own library file; terugbrengen merges
// them back three ways, conflicts chosen with --conflicts.

// offlinePlace is the library named by --naar or --van, or the user's own.
func offlinePlace(env Env, given string) (app.Location, error) {
	if given != "" {
		if env.Locate == nil {
			return nil, fmt.Errorf("deze opdracht kan geen andere bibliotheek openen")
		}
		return env.Locate(given)
	}
	if env.Local == nil {
		return nil, fmt.Errorf("geef met --naar of --van een eigen bibliotheek op")
	}
	return env.Local()
}

func runTakeOffline(ctx context.Context, env Env, args []string) error {
	fs := newFlags("meenemen")
	to := fs.String("naar", "", "de eigen bibliotheek (standaard: die in de datamap)")
	const usage = "meenemen [--naar PAD] PROFIEL..."
	rest, err := parse(fs, args, -1, usage)
	if err != nil {
		return err
	}
	dest, err := offlinePlace(env, *to)
	if err != nil {
		return err
	}
	if dest.String() == env.Library.String() {
		return usageError{"kies met --naar een andere bibliotheek dan die waaruit u meeneemt"}
	}
	w, err := openForReading(ctx, env)
	if err != nil {
		return err
	}
	defer w.Close()
	var ids []string
	for _, q := range rest {
		s, err := w.Resolve(q)
		if err != nil {
			return err
		}
		ids = append(ids, s.ID)
	}
	res, err := w.TakeOffline(dest, ids)
	if err != nil {
		return err
	}
	for _, t := range res.Taken {
		fmt.Fprintf(env.Stdout, "Meegenomen naar %s: %s\n", dest, clean(t))
	}
	for _, t := range res.Replaced {
		fmt.Fprintf(env.Stdout, "De eigen kopie van %s is vervangen; de vorige staat in de geschiedenis.\n", clean(t))
	}
	return nil
}

func runBringBack(ctx context.Context, env Env, args []string) error {
	fs := newFlags("terugbrengen")
	from := fs.String("van", "", "de eigen bibliotheek (standaard: die in de datamap)")
	dryRun := fs.Bool("dry-run", false, "alleen laten zien wat er zou gebeuren")
	choose := fs.String("conflicts", "", "bij onderdelen die aan beide kanten zijn gewijzigd: eigen (deze bibliotheek) of binnenkomend (de offline kopie)")
	const usage = "terugbrengen [--van PAD] [--dry-run] [--conflicts eigen|binnenkomend] [PROFIEL...]"
	rest, err := parse(fs, args, anyArgs, usage)
	if err != nil {
		return err
	}
	if *choose != "" && *choose != "eigen" && *choose != "binnenkomend" {
		return usageError{"--conflicts is eigen of binnenkomend; gebruik: bcpeditor " + usage}
	}
	src, err := offlinePlace(env, *from)
	if err != nil {
		return err
	}
	ids, err := offlineIDs(ctx, src, rest)
	if err != nil {
		return err
	}
	w, err := openForWriting(ctx, env)
	if err != nil {
		return err
	}
	defer w.Close()
	plan, err := w.PlanBringBack(src, ids)
	if err != nil {
		return err
	}
	bringBack := func(plan *workspace.ImportPlan, c workspace.Choices) (workspace.ImportResult, error) {
		return w.ApplyBringBack(src, plan, c)
	}
	res, err := applyPlan(env, plan, *dryRun, *choose, "breng terug", bringBack)
	if err != nil || *dryRun {
		return err
	}
	for _, p := range res.Merged {
		fmt.Fprintf(env.Stdout, "Teruggebracht en samengevoegd: %s\n", clean(p.Title))
	}
	for _, p := range res.New {
		fmt.Fprintf(env.Stdout, "Teruggebracht als nieuw profiel: %s\n", clean(p.Title))
	}
	return nil
}

// offlineIDs finds the profiles named in the offline library (they may
// not exist here: made offline).
func offlineIDs(ctx context.Context, src app.Location, queries []string) ([]string, error) {
	if len(queries) == 0 {
		return nil, nil
	}
	w, err := workspace.Open(ctx, src, app.OpenReadOnly)
	if err != nil {
		return nil, err
	}
	defer w.Close()
	var ids []string
	for _, q := range queries {
		s, err := w.Resolve(q)
		if err != nil {
			return nil, err
		}
		ids = append(ids, s.ID)
	}
	return ids, nil
}
