fn main() {
    let token = std::env::args().nth(1).unwrap();
    let n: u32 = std::env::var("N").ok().and_then(|v| v.parse().ok()).unwrap_or(20000);
    let start = std::time::Instant::now();
    for _ in 0..n {
        std::hint::black_box(jwtlens::inspect(&token, &Default::default()));
    }
    println!("{:.0} ops/s", f64::from(n) / start.elapsed().as_secs_f64());
}
