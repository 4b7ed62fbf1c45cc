// Heft generates typings for *.module.scss into temp/sass-ts during the build; this keeps the
// test type-check working before a build.
declare module '*.module.scss' {
  const styles: Readonly<Record<string, string>>;
  export default styles;
}
