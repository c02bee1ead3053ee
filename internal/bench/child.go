package bench

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/metrics"
	"runtime/pprof"
	"sync"
	"time"

	"github.com/datagate/datagate/internal/cli"
)

// RunChild runs one step in this process (datagate-bench's hidden -child
// mode) and writes its Stats as JSON to w. With profileDir set, it writes
// there cpu.pprof (the whole step), allocs.pprof (every allocation of the
// step, at its end) and peak-heap.pprof (the heap profile taken when the
// live heap was largest, sampled every 100ms). With a timeout, a step
// still running then writes its profiles so far and a goroutine dump
// (goroutines.txt, with profileDir) and exits the process with code 3.
func RunChild(step, dir, profileDir string, timeout time.Duration, patterns []string, w io.Writer) error {
	if len(patterns) == 0 {
		patterns = []string{"./..."}
	}
	var stop func() error
	if profileDir != "" {
		var err error
		if stop, err = startProfiles(profileDir); err != nil {
			return err
		}
	}
	var once sync.Once
	stopOnce := func() (err error) {
		once.Do(func() {
			if stop != nil {
				err = stop()
			}
		})
		return err
	}
	if timeout > 0 {
		time.AfterFunc(timeout, func() {
			if profileDir != "" {
				var dump bytes.Buffer
				_ = pprof.Lookup("goroutine").WriteTo(&dump, 2)
				_ = os.WriteFile(filepath.Join(profileDir, "goroutines.txt"), dump.Bytes(), 0o644)
			}
			if err := stopOnce(); err != nil {
				fmt.Fprintf(os.Stderr, "datagate-bench: writing profiles: %v\n", err)
			}
			fmt.Fprintf(os.Stderr, "datagate-bench: %s timed out after %v\n", step, timeout)
			os.Exit(exitTimedOut)
		})
	}
	var st *Stats
	var err error
	switch step {
	case StepLoad:
		st, err = LoadStep(dir, patterns)
	case StepSSA:
		st, err = SSAStep(dir, patterns)
	case StepDatagate:
		cli.ConfigureRuntime(os.Getenv) // as cmd/datagate does
		st, err = ScanStep(dir, patterns, "")
	case StepCold, StepWarm, StepEdit, StepEditShift:
		cli.ConfigureRuntime(os.Getenv)
		cache := os.Getenv(cacheDirEnv)
		if cache == "" {
			return fmt.Errorf("%s: no cache directory (%s)", step, cacheDirEnv)
		}
		st, err = ScanStep(dir, patterns, cache)
	case StepGoList:
		st, err = GoListStep(dir, patterns)
	case stepCount:
		st = new(Stats)
		st.Functions, st.Instrs, err = CountSSA(dir, patterns...)
	default:
		err = fmt.Errorf("unknown step %q", step)
	}
	if perr := stopOnce(); err == nil {
		err = perr
	}
	if err != nil {
		return err
	}
	return json.NewEncoder(w).Encode(st)
}

// startProfiles starts the CPU profile and the peak-heap sampler; the
// function it returns stops them and writes the files.
func startProfiles(dir string) (func() error, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	cpu, err := os.Create(filepath.Join(dir, "cpu.pprof"))
	if err != nil {
		return nil, err
	}
	if err := pprof.StartCPUProfile(cpu); err != nil {
		cpu.Close()
		return nil, err
	}

	// The heap profile describes the heap as of the last GC; take one
	// whenever the live heap has grown by a tenth since the last one.
	var (
		peak   bytes.Buffer // written by the sampler until wg.Wait
		maxLen uint64
	)
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		tick := time.NewTicker(100 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-done:
				return
			case <-tick.C:
			}
			metrics.Read(sample)
			if sample[0].Value.Kind() != metrics.KindUint64 {
				continue
			}
			if v := sample[0].Value.Uint64(); v > maxLen+maxLen/10 {
				maxLen = v
				peak.Reset()
				_ = pprof.Lookup("heap").WriteTo(&peak, 0)
			}
		}
	}()

	return func() error {
		pprof.StopCPUProfile()
		close(done)
		wg.Wait()
		errs := []error{cpu.Close()}
		if peak.Len() > 0 {
			errs = append(errs, os.WriteFile(filepath.Join(dir, "peak-heap.pprof"), peak.Bytes(), 0o644))
		}
		var allocs bytes.Buffer
		errs = append(errs, pprof.Lookup("allocs").WriteTo(&allocs, 0))
		errs = append(errs, os.WriteFile(filepath.Join(dir, "allocs.pprof"), allocs.Bytes(), 0o644))
		for _, e := range errs {
			if e != nil {
				return e
			}
		}
		return nil
	}, nil
}
